// gancert/api/trajectory.hpp — a gradient-play run as `gancert trajectory` and the Python
// module's gancert.trajectory / gancert.certified_trajectory ask for it.
//
// Contract: the returned spec passed dynamics::validate; bad input throws arith::bad_parameter
// naming case, dims, step_size, steps or a…c (the CLI shows them as --case, …).
#pragma once
#include <optional>
#include <string>

#include "gancert/dynamics/spec.hpp"

namespace gancert::api {

/// The paper run of case `which` ("A"/"B") in `dims` dimensions (2 or 4) with step η (an exact
/// decimal), K = `steps` iterates counting the start, and `start` instead of the case's start
/// if given.
dynamics::TrajectorySpec trajectory_spec(const std::string& which, int dims, const std::string& step, int steps,
                                         const std::optional<model::DecimalParams>& start = std::nullopt);

}  // namespace gancert::api
