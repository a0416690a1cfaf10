// SIGINT / SIGTERM during `gancert certify` and `gancert atlas`: the first signal asks the run to
// stop as at a budget (certify/stop.hpp: undecided boxes become unknown leaves "interrupted", the
// certificate stays a resumable checkpoint, temporary files are removed as at a normal end); a
// second signal ends gancert at once (the default disposition is restored by the first).
#pragma once

namespace gancert::cli {

/// Installs the handlers (for the rest of the process).
void stop_on_interrupt();

}  // namespace gancert::cli
