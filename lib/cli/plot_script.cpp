// The plot scripts as the CLI runs them (plot_script.hpp).
#include "plot_script.hpp"

#include <cstdlib>
#include <iostream>

#include <sys/wait.h>

#include "commands.hpp"
#include "output.hpp"

namespace gancert::cli {

std::string shell_quote(const std::string& s) {
    std::string r = "'";
    for (char ch : s) r += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return r + "'";
}

std::filesystem::path tool_script(const char* env_var, const char* name) {
    if (const char* env = std::getenv(env_var)) return env;
    return std::filesystem::path(GANCERT_SOURCE_DIR) / "tools" / name;  // lib/CMakeLists.txt
}

std::string python_interpreter() {
    const char* py = std::getenv("GANCERT_PYTHON");
    return py ? py : "/usr/bin/python3";
}

int run_plot_script(const std::string& cmd, const std::string& tmp_png, const std::string& png) {
    const int rc = std::system(cmd.c_str());
    if (rc != 0) {
        std::cerr << "gancert: --plot: writing '" << png << "' failed: the plot script exited with status "
                  << (WIFEXITED(rc) ? WEXITSTATUS(rc) : rc) << " (" << cmd << ")\n";
        std::error_code ec;
        std::filesystem::remove(tmp_png, ec);
        return exit_failure;
    }
    // matplotlib does not report every failed write (e.g. to a full disk): check, then copy.
    require_complete_png(tmp_png, "--plot (temporary PNG for '" + png + "')");
    install_file(tmp_png, png, "--plot");
    return exit_ok;
}

}  // namespace gancert::cli
