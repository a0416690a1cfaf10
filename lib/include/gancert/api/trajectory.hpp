// gancert/api/trajectory.hpp — a gradient-play run as `gancert trajectory` and the Python
// module's gancert.trajectory / gancert.certified_trajectory ask for it (the paper's R/S/E/E,
// or any model of the family).
//
// Contract: the returned spec passed dynamics::validate; bad input throws arith::bad_parameter
// naming case, dims, step_size, steps or a…c (the CLI shows them as --case, …).
#pragma once
#include <optional>
#include <string>

#include "gancert/dynamics/family_play.hpp"
#include "gancert/dynamics/spec.hpp"

namespace gancert::api {

/// The paper run of case `which` ("A"/"B") in `dims` dimensions (2 or 4) with step η (an exact
/// decimal), K = `steps` iterates counting the start, and `start` instead of the case's start
/// if given. Both specs carry the default wall-clock budget api::default_run_time_limit (40 s, as
/// for certify): a run that reaches it returns fewer than K iterates (dynamics::TimeBudget).
dynamics::TrajectorySpec trajectory_spec(const std::string& which, int dims, const std::string& step, int steps,
                                         const std::optional<model::DecimalParams>& start = std::nullopt);

/// A run of a model of the family: θ_0 = `start` in player order (api/players.hpp turns names
/// into it), step η, K = `steps`, dims 2 (θ1, h move) or 4. Validated (dynamics::validate).
dynamics::FamilyTrajectorySpec family_trajectory_spec(const family::ModelSpec& m, const std::array<std::string, 4>& start,
                                                      int dims, const std::string& step, int steps);

}  // namespace gancert::api
