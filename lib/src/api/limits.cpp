#include "gancert/api/limits.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <thread>

#include "gancert/arith/errors.hpp"

namespace gancert::limits {

void check_not_fifo(const std::string& path, const std::string& what) {
    std::error_code ec;
    if (!std::filesystem::is_fifo(path, ec) || path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0) return;
    throw arith::bad_input(what + "'" + path +
                           "' is a named pipe (FIFO): give a regular file (a FIFO without a writer blocks the read)");
}

// bad_parameter: the CLI names the option (--threads), Python the argument (threads).

unsigned resolve_threads(unsigned requested) {
    if (requested > max_threads)
        throw arith::bad_parameter("threads", std::to_string(requested) + " is above the maximum " +
                                                  std::to_string(max_threads));
    return requested ? requested : std::max(1u, std::thread::hardware_concurrency());
}

void check_initial_boxes(std::size_t count) {
    if (count < 1 || count > max_initial_boxes)
        throw arith::bad_parameter("initial_boxes", std::to_string(count) + " is outside [1, " +
                                                        std::to_string(max_initial_boxes) + "]");
}

void check_max_bits(unsigned bits) {
    if (bits > max_precision_bits)
        throw arith::bad_parameter("max_bits", std::to_string(bits) + " is above the maximum " +
                                                   std::to_string(max_precision_bits));
}

void check_eval_digits(unsigned digits) {
    if (digits < 1 || digits > max_eval_digits)
        throw arith::bad_parameter("digits", std::to_string(digits) + " is outside [1, " +
                                                 std::to_string(max_eval_digits) + "]");
}

void check_trajectory_steps(long steps) {
    if (steps < 1 || steps > max_trajectory_steps)
        throw arith::bad_parameter("steps", std::to_string(steps) + " iterates requested; need K in [1, " +
                                                std::to_string(max_trajectory_steps) + "] (K counts the start)");
}

}  // namespace gancert::limits
