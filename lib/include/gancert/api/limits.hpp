// gancert/api/limits.hpp — every resource limit of gancert's input, defined here once (issue 15).
// Each is input validation: a request above it is refused before any work or output file with
// arith::bad_input / arith::bad_parameter naming the option (exit 2 in the CLI, ValueError
// naming the argument in Python). The table in docs/limits.md and README.md (Reliability)
// lists them with the reason for each value; the CLI help quotes them.
#pragma once
#include <cstddef>

namespace gancert::limits {

// ---- parallelism -----------------------------------------------------------------------------
inline constexpr unsigned max_threads = 1024;  ///< --threads (certify, atlas, verify, surface)

// ---- the certifier ---------------------------------------------------------------------------
inline constexpr std::size_t max_initial_boxes = 1u << 16;  ///< --initial-boxes (held in memory up front; 2^16 take ~15 s)
inline constexpr unsigned max_precision_bits = 1u << 16;    ///< --max-bits

// ---- certificates read by verify / --resume --------------------------------------------------
inline constexpr std::size_t max_record_bytes = 64u << 20;  ///< one certificate line
inline constexpr unsigned max_record_depth = 64;            ///< JSON nesting of one certificate line

// ---- evaluation digits -----------------------------------------------------------------------
/// --digits of eval and reference (Python: digits). The cost of the certified evaluation grows
/// with the digits and with |b|: `reference` at b = -1e10 takes ~13 s at 60 digits and > 60 s at
/// 100 digits on the project's 2-core machine (docs/limits.md); 60 keeps every valid point
/// under ~20 s.
inline constexpr unsigned max_eval_digits = 60;
/// counterexample --digits: the two-dimensional quadratures' cost grows fast with the digits
/// (100 digits take ~35 s).
inline constexpr unsigned max_counterexample_digits = 100;

// ---- grids -----------------------------------------------------------------------------------
inline constexpr std::size_t max_axis_count = 1000000;       ///< reference --grid: count of one axis
inline constexpr std::size_t max_grid_points = 1000000000;   ///< reference --grid: points in all (streamed)
inline constexpr int max_surface_grid = 2000;                ///< surface --grid N (N x N double evaluations)

// ---- input files -----------------------------------------------------------------------------
/// A CSV file read whole into memory (reference --points, compare --reference / --candidate).
inline constexpr std::size_t max_csv_file_bytes = 256u << 20;

// ---- dynamics --------------------------------------------------------------------------------
inline constexpr long max_trajectory_steps = 100000;  ///< trajectory --steps K (iterates held in memory)
inline constexpr int max_sgd_runs = 10000;     ///< trajectory --runs
inline constexpr double max_sgd_draws = 5e7;   ///< trajectory --sgd N x --runs x --steps (5e7 draws take ~30 s)

/// The worker count to use: `requested`, or the hardware concurrency (at least 1) for 0.
/// Throws arith::bad_parameter("threads", …) above max_threads (the CLI: --threads).
unsigned resolve_threads(unsigned requested);

/// Throws arith::bad_parameter("initial_boxes", …) outside [1, max_initial_boxes].
void check_initial_boxes(std::size_t count);

/// Throws arith::bad_parameter("max_bits", …) above max_precision_bits.
void check_max_bits(unsigned bits);

/// Throws arith::bad_parameter("digits", …) outside [1, max_eval_digits].
void check_eval_digits(unsigned digits);

/// Throws arith::bad_parameter("steps", …) outside [1, max_trajectory_steps].
void check_trajectory_steps(long steps);

}  // namespace gancert::limits
