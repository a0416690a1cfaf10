// `gancert eval` — placeholder until the evaluation layer lands (issue 3).
#include "commands.hpp"

namespace gancert::cli {
void register_eval(CLI::App& app, action& run) {
    auto* cmd = app.add_subcommand("eval", "Cost, gradient and Hessian at one parameter point");
    cmd->callback([&run] { run = [] { return exit_failure; }; });
}
}  // namespace gancert::cli
