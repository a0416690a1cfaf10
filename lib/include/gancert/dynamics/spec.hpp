// gancert/dynamics/spec.hpp — what a gradient-play run is: start, step, iterate count, moving
// coordinates (docs/mathematics.md §1).
//
// The game: the discriminator ascends J in (a, b), the generator descends it in (g, h):
//   θ_{k+1} = θ_k + η · s∘∇J(θ_k),  s = (+1, +1, −1, −1),  θ = (a, b, g, h), c fixed.
// "2-D" runs move (b, h) only (a, g stay at their start values); "4-D" runs move all four.
// K iterates are produced *counting the start* (θ_0 … θ_{K−1}), i.e. K − 1 updates, as in the
// authors' code (the paper's runs: K = 250, η = 0.4).
//
// Contract: validate() throws arith::bad_parameter naming the parameter ("step_size",
// "steps", "dims", "case", a…c) for anything outside the domain; nothing is rounded here.
#pragma once
#include <array>
#include <chrono>
#include <string>

#include "gancert/model/paper_cases.hpp"
#include "gancert/model/params.hpp"

namespace gancert::dynamics {

/// Sign of the update per coordinate (a, b, g, h): ascent for the discriminator, descent for
/// the generator.
inline constexpr std::array<int, 4> play_sign{+1, +1, -1, -1};

/// One gradient-play run. Start and step are exact decimals (the certified trajectory starts
/// from the exact decimal values, so "0.4" means 2/5).
struct TrajectorySpec {
    model::DecimalParams start;  ///< θ_0 = (a, b, g, h) and the fixed c
    std::string step = "0.4";    ///< η > 0
    int iterates = 250;          ///< K ≥ 1 iterates counting the start
    int dims = 4;                ///< 2 (b, h move) or 4 (all move)
    double time_limit = 0;       ///< wall-clock seconds (0: none), see TimeBudget
};

/// The wall-clock budget of a run (docs/limits.md): once `seconds` (> 0; 0 = none) have passed
/// since construction, the update loops stop before the next iterate, so the run returns the
/// iterates θ_0 … θ_k it finished (each as sound as in a whole run) and fewer than K of them;
/// the caller reports the run as stopped by its time limit.
class TimeBudget {
public:
    explicit TimeBudget(double seconds) : seconds_(seconds), start_(std::chrono::steady_clock::now()) {}
    bool expired() const { return seconds_ > 0 && elapsed() >= seconds_; }
    double elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

private:
    double seconds_;
    std::chrono::steady_clock::time_point start_;
};

/// Which of (a, b, g, h) move: dims = 2 → (b, h); dims = 4 → all. Throws
/// arith::bad_parameter naming "dims" for any other value.
std::array<bool, 4> moving_coordinates(int dims);

/// Checks a spec: the start passes model::validate; step a finite decimal > 0 (names
/// "step_size"); iterates in [1, limits::max_trajectory_steps] (names "steps"); dims ∈ {2, 4} (names "dims"). Throws
/// arith::bad_parameter with the parameter's name (the CLI shows it as --step-size, …).
void validate(const TrajectorySpec& spec);

/// The paper's two cases (model/paper_cases.hpp).
using model::PaperCase;

/// The paper run for a case and dimension: its start, η = 0.4, K = 250.
TrajectorySpec paper_run(PaperCase which, int dims);

/// "A"/"a" → A, "B"/"b" → B; anything else throws arith::bad_parameter naming "case".
inline PaperCase parse_case(const std::string& name) { return model::parse_paper_case(name); }

}  // namespace gancert::dynamics
