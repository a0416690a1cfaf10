// gancert/api/certify.hpp — a certifier request as `gancert certify` and the Python module's
// gancert.certify give it: the model (name, paper case, fixed parameters), the box text and
// the claim with its tolerances, all as text.
//
// Contract: certify_problem() validates everything before any evaluation and throws
// arith::bad_input / arith::bad_parameter naming the item (box, claim, eps, delta, level, or
// the model factory's items); the stationary-set claim is certified by
// certify::certify_stationary_set instead (bad_parameter "claim" here).
#pragma once
#include <string>

#include "gancert/certify/engine.hpp"
#include "gancert/certify/model_factory.hpp"

namespace gancert::api {

struct CertifyRequest {
    std::string model = "rsee", case_name, params, box, claim = "no-saddle", eps, delta, level;
};

/// The time budget (seconds) of `gancert certify`, `gancert atlas` and gancert.certify when the
/// caller gives none (issue 15): some valid boxes are undecidable in any time (b=0:1e308 alone:
/// each leaf meets huge |b| or the minimum width), so no front-end runs unbounded. A run
/// stopped by it ends `incomplete` (exit 1) with a certificate that --resume continues
/// (README.md, Reliability). The library's CertifyOptions keep 0 (none) for callers that bound
/// the run otherwise.
inline constexpr double default_time_limit = 50;
/// The default wall-clock budget of trajectory, reference, surface and compare --model
/// (docs/limits.md): their unit of work (an iterate, a point, a row, a leaf) can take seconds on
/// a loaded machine and the run must still end within a minute.
inline constexpr double default_run_time_limit = 40;

/// The function, its root box and the resolved claim of a request.
struct CertifyProblem {
    certify::ModelSetup setup;
    certify::Claim claim;
};

CertifyProblem certify_problem(const CertifyRequest& request);

/// The line `gancert certify` prints: "<verdict> — claim <kind> over <box>".
std::string verdict_line(const certify::CertifyResult& result, const CertifyProblem& problem);

}  // namespace gancert::api
