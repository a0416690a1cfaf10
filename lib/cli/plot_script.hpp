// The plot scripts of tools/ (plot_trajectory.py, plot_surface.py) as the CLI runs them:
// locating the script, quoting its arguments, and installing the PNG it writes with checked
// writes (output.hpp). Shared by `gancert trajectory --plot` and `gancert surface`.
#pragma once
#include <filesystem>
#include <string>

namespace gancert::cli {

/// s in single quotes for /bin/sh.
std::string shell_quote(const std::string& s);

/// The script `name` of <source>/tools/, or the path in the environment variable `env_var`.
std::filesystem::path tool_script(const char* env_var, const char* name);

/// The interpreter: $GANCERT_PYTHON or /usr/bin/python3.
std::string python_interpreter();

/// Runs `cmd` (which writes `tmp_png`), then checks and installs tmp_png as `png`. Returns
/// exit_ok, or exit_failure with a message naming --plot on stderr (throws write_error for a
/// failed or incomplete write).
int run_plot_script(const std::string& cmd, const std::string& tmp_png, const std::string& png);

}  // namespace gancert::cli
