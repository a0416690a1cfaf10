// gancert command-line tool: each sub-command lives in its own cmd_<name>.cpp and registers
// itself on the CLI11 app. Exit status (README.md (command-line tool)): 0 success, 2 bad input (message on stderr
// naming the argument), 1 internal failure.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>

namespace gancert::cli {

/// Exit codes.
inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_bad_input = 2;

/// A run that its wall-clock budget (--time-limit, or the default) stopped before it finished,
/// with nothing written under the output names: main() prints "gancert: WHAT" and exits 1.
struct stopped_by_budget : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The command-line option of a library parameter name: "step_size" → "--step-size",
/// "samples" → "--sgd"; a name that already is an option ("--box a") is kept.
std::string option_name(const std::string& parameter);

/// The action a sub-command runs after CLI11 has parsed its options; returns the exit code.
using action = std::function<int()>;

/// Each register_* adds one sub-command and stores its action in `run` when selected.
void register_eval(CLI::App& app, action& run);
void register_trajectory(CLI::App& app, action& run);
void register_reference(CLI::App& app, action& run);
void register_compare(CLI::App& app, action& run);
void register_counterexample(CLI::App& app, action& run);
void register_certify(CLI::App& app, action& run);
void register_verify(CLI::App& app, action& run);
void register_surface(CLI::App& app, action& run);
void register_atlas(CLI::App& app, action& run);

/// A positive finite number of seconds, or bad_input naming the option (cmd_certify.cpp).
double positive_seconds(const std::string& text, const char* option);

}  // namespace gancert::cli
