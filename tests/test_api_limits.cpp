// The resource limits of api/limits.hpp (issue 15): each check refuses the value one above its
// maximum with a bad_parameter naming the parameter (the CLI shows it as the option, Python as
// the argument) and accepts the maximum; the api entry points apply them.
#include <catch2/catch.hpp>

#include <string>

#include "gancert/api/eval.hpp"
#include "gancert/api/limits.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/reference/csv.hpp"
#include "gancert/reference/quantities.hpp"
#include "gancert/reference/reference_values.hpp"

using namespace gancert;

namespace {
std::string refused(void (*f)()) {
    try {
        f();
    } catch (const arith::bad_parameter& e) {
        return e.parameter();
    }
    return "";
}
}  // namespace

TEST_CASE("each limit check names its parameter one above the maximum and accepts the maximum", "[api][limits]") {
    CHECK(refused([] { limits::resolve_threads(limits::max_threads + 1); }) == "threads");
    CHECK(limits::resolve_threads(limits::max_threads) == limits::max_threads);
    CHECK(limits::resolve_threads(0) >= 1);
    CHECK(refused([] { limits::check_initial_boxes(limits::max_initial_boxes + 1); }) == "initial_boxes");
    CHECK(refused([] { limits::check_initial_boxes(0); }) == "initial_boxes");
    CHECK_NOTHROW(limits::check_initial_boxes(limits::max_initial_boxes));
    CHECK(refused([] { limits::check_max_bits(limits::max_precision_bits + 1); }) == "max_bits");
    CHECK_NOTHROW(limits::check_max_bits(limits::max_precision_bits));
    CHECK(refused([] { limits::check_eval_digits(limits::max_eval_digits + 1); }) == "digits");
    CHECK(refused([] { limits::check_eval_digits(0); }) == "digits");
    CHECK_NOTHROW(limits::check_eval_digits(limits::max_eval_digits));
    CHECK(refused([] { limits::check_trajectory_steps(limits::max_trajectory_steps + 1); }) == "steps");
    CHECK(refused([] { limits::check_trajectory_steps(0); }) == "steps");
    CHECK_NOTHROW(limits::check_trajectory_steps(limits::max_trajectory_steps));
}

TEST_CASE("the api entry points apply the digits limit before any work", "[api][limits]") {
    const model::DecimalParams p{"2.2", "-3", "1.5", "-2", "0.5"};
    CHECK_THROWS_AS(api::eval_report(p, limits::max_eval_digits + 1, api::Arith::interval), arith::bad_parameter);
    CHECK_THROWS_AS(api::eval_report(p, limits::max_eval_digits + 1, api::Arith::mpfr), arith::bad_parameter);
    CHECK_THROWS_AS(reference::compute_reference(p, limits::max_eval_digits + 1, reference::parse_quantities("J")),
                    arith::bad_parameter);
}

TEST_CASE("a CSV file above the size limit is refused without reading it all", "[api][limits]") {
    // /dev/zero has no end: without the limit the read would exhaust memory
    try {
        (void)reference::read_csv_file("/dev/zero");
        FAIL("no error");
    } catch (const arith::bad_input& e) {
        CHECK(std::string(e.what()).find("larger than the maximum") != std::string::npos);
    }
}
