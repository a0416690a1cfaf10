// SIGINT / SIGTERM. Every command: the signal removes the run's registered temporary files
// (api/output_file.hpp) and ends gancert with the signal's default action (exit by the signal).
// During `gancert certify` and `gancert atlas` the first signal instead asks the run to stop as
// at a budget (certify/stop.hpp: undecided boxes become unknown leaves "interrupted", the
// certificate stays a resumable checkpoint, temporary files are removed as at a normal end); a
// second signal then ends gancert at once, as for every command.
#pragma once

namespace gancert::cli {

/// Installs the "remove temporaries, then end" handlers (main(), for every command). A
/// SIGINT ignored by the parent (a background job of a non-interactive shell) is handled too; an
/// ignored SIGTERM stays ignored.
void end_on_signal();

/// certify / atlas: the first SIGINT or SIGTERM requests a stop, the second ends the process.
void stop_on_interrupt();

}  // namespace gancert::cli
