#include "gancert/certify/limits.hpp"

#include <algorithm>
#include <string>
#include <thread>

#include "gancert/arith/errors.hpp"

namespace gancert::certify {

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

}  // namespace gancert::certify
