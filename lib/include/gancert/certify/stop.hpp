// gancert/certify/stop.hpp — a request from outside a running certification (the command-line
// tool's SIGINT/SIGTERM handler, lib/cli/interrupt.cpp) that it stop as at a budget: the boxes
// not yet decided are written as unknown leaves with reason budget_reason_interrupt, the run ends
// `incomplete`, and `--resume` re-opens exactly those boxes, so the resumed certificate has the
// leaves of an uninterrupted run. The request is one process-wide flag.
//
// Contract: request_stop() is async-signal-safe (one atomic flag); a stopped run never writes a
// proved leaf it has not finished — the rest become unknown leaves and the status incomplete.
#pragma once

namespace gancert::certify {

inline constexpr const char* budget_reason_interrupt = "interrupted";

/// Asks every running certification to stop at its next box. Async-signal-safe (a lock-free
/// atomic store).
void request_stop() noexcept;
/// Whether request_stop() was called (and not cleared since).
bool stop_requested() noexcept;
/// Withdraws the request (for a later run in the same process).
void clear_stop() noexcept;

}  // namespace gancert::certify
