// A gradient-play run from the caller's request (api/trajectory.hpp).
#include "gancert/api/trajectory.hpp"

#include "gancert/api/certify.hpp"

namespace gancert::api {

dynamics::TrajectorySpec trajectory_spec(const std::string& which, int dims, const std::string& step, int steps,
                                         const std::optional<model::DecimalParams>& start) {
    // the paper's start for the case; dims is checked by validate (any value but 2 takes the 4-D start)
    dynamics::TrajectorySpec spec = dynamics::paper_run(dynamics::parse_case(which), dims == 2 ? 2 : 4);
    spec.dims = dims;
    if (start) spec.start = *start;
    spec.step = step;
    spec.iterates = steps;
    spec.time_limit = default_run_time_limit;
    dynamics::validate(spec);
    return spec;
}

dynamics::FamilyTrajectorySpec family_trajectory_spec(const family::ModelSpec& m, const std::array<std::string, 4>& start,
                                                      int dims, const std::string& step, int steps) {
    dynamics::FamilyTrajectorySpec spec{m, start, step, steps, dims, default_run_time_limit};
    dynamics::validate(spec);
    return spec;
}

}  // namespace gancert::api
