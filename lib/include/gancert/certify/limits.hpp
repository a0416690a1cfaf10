// gancert/certify/limits.hpp — resource limits of the certifier and verifier, checked as input
// validation (arith::bad_input naming the option, exit 2 in the CLI, ValueError in Python)
// before any work starts. Each limit is defined here once.
#pragma once
#include <cstddef>

namespace gancert::certify {

inline constexpr unsigned max_threads = 1024;                 ///< --threads
inline constexpr std::size_t max_initial_boxes = 1u << 16;    ///< --initial-boxes (boxes held in memory up front; 2^16 take ~15 s)
inline constexpr unsigned max_precision_bits = 1u << 16;      ///< --max-bits
inline constexpr std::size_t max_record_bytes = 64u << 20;    ///< one certificate line
inline constexpr unsigned max_record_depth = 64;              ///< JSON nesting of one certificate line

/// The worker count to use: `requested`, or the hardware concurrency (at least 1) for 0.
/// Throws arith::bad_parameter("threads", …) above max_threads.
unsigned resolve_threads(unsigned requested);

/// Throws arith::bad_parameter("initial_boxes", …) outside [1, max_initial_boxes].
void check_initial_boxes(std::size_t count);

/// Throws arith::bad_parameter("max_bits", …) above max_precision_bits.
void check_max_bits(unsigned bits);

}  // namespace gancert::certify
