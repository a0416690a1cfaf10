// Library parameter names as command-line options (commands.hpp).
#include <algorithm>

#include "commands.hpp"

namespace gancert::cli {

std::string option_name(const std::string& parameter) {
    if (parameter.rfind("--", 0) == 0) return parameter;
    if (parameter == "samples") return "--sgd";
    std::string o = "--" + parameter;
    std::replace(o.begin(), o.end(), '_', '-');
    return o;
}

}  // namespace gancert::cli
