// model::EvalPolicy (model/eval_policy.hpp): the one narrow-enough test and the precision
// ladder; model::Evaluation's visiting order; model::reduction's sign convention.
#include <catch2/catch.hpp>

#include <string>

#include "gancert/arith/decimal.hpp"
#include "gancert/model/eval_policy.hpp"
#include "gancert/model/reduction.hpp"

using namespace gancert;
using arith::impfr;
using arith::mpfr;
using arith::precision_guard;

namespace {
impfr iv(const char* lo, const char* hi) {
    return impfr(arith::parse<impfr>(lo).lower(), arith::parse<impfr>(hi).upper());
}
}  // namespace

TEST_CASE("EvalPolicy: relative width; absolute only for 0 or negligible values, only after escalations",
          "[model][policy]") {
    precision_guard guard(256);
    const auto p = model::EvalPolicy::to_digits(10);
    CHECK(p.narrow_enough(iv("1", "1.00000000001"), 0));     // 1e−11 relative
    CHECK_FALSE(p.narrow_enough(iv("1", "1.000000001"), 5));  // 1e−9 relative, never
    // 1e−40 asked at 10 digits gets relative width, not an absolute 1e−10
    CHECK_FALSE(p.narrow_enough(iv("1e-40", "2e-40"), 5));
    CHECK(p.narrow_enough(iv("1e-40", "1.00000000001e-40"), 0));
    // an enclosure of 0 and a negligible value (< 2^−4096 ≈ 1e−1233): absolute width, after
    // absolute_after escalations only
    for (const impfr& x : {iv("-1e-12", "1e-12"), iv("1e-1300", "2e-1300")}) {
        CHECK_FALSE(p.narrow_enough(x, p.absolute_after - 1));
        CHECK(p.narrow_enough(x, p.absolute_after));
    }
    CHECK_FALSE(p.narrow_enough(iv("-1e-9", "1e-9"), 10));  // containing 0 but too wide
}

TEST_CASE("EvalPolicy: the ladder starts at digits·log2(10) + guard_bits and doubles up to max_bits",
          "[model][policy]") {
    const auto p = model::EvalPolicy::to_digits(30, 1000);
    CHECK(p.start_bits == arith::bits_for_digits(30, model::guard_bits));
    unsigned bits = p.start_bits, attempts = 0;
    while (auto next = p.next_bits(bits, attempts)) {
        CHECK(*next == std::min(2 * bits, 1000u));
        bits = *next;
        ++attempts;
    }
    CHECK(bits == 1000u);
    CHECK_THROWS_AS(model::EvalPolicy::to_digits(0), arith::bad_parameter);
    const auto w = model::EvalPolicy::at_working_precision(100);
    unsigned n = 0;
    unsigned b = 100;
    while (auto next = w.next_bits(b, n)) {
        b = *next;
        ++n;
    }
    CHECK(n == 3);  // at most three doublings
}

TEST_CASE("Evaluation visits its quantities in the order of quantity_names", "[model][policy]") {
    model::Evaluation<double> e;
    for (std::size_t q = 0; q < model::quantity_count; ++q) e.quantity(q) = static_cast<double>(q);
    CHECK(e.J1 == 0);
    CHECK(e.J.v == 2);
    CHECK(e.J.g[3] == 6);                        // g_h
    CHECK(e.J.hess(0, 1) == 8);                  // H_ab
    CHECK(e.J.hess(3, 2) == 15);                 // H_gh
    std::string names;
    e.for_each([&](std::size_t q, double x) {
        CHECK(x == static_cast<double>(q));
        names += std::string(model::quantity_names[q]) + " ";
    });
    CHECK(names.rfind("J1 J2 J g_a", 0) == 0);
    const auto twice = e.transform([](double x) { return 2 * x; });
    CHECK(twice.J.hess(3, 3) == 32);
    CHECK(e.all_of([](double x) { return x < 7; }, model::first_hessian));
    CHECK_FALSE(e.all_of([](double x) { return x < 7; }));
}

TEST_CASE("reduction: J2's pair is (−ag, −(ah + b)) for both paths", "[model][policy]") {
    const model::Params<double> prm{2.0, -3.0, 1.5, -2.0, 0.5};
    const auto r = model::reduce<double>(prm);
    CHECK(r.p1.v == 4.0);
    CHECK(r.beta1.v == -3.0);
    CHECK(r.p2.v == -3.0);
    CHECK(r.beta2.v == 7.0);
    CHECK(r.p2.g[0] == -1.5);  // ∂p2/∂a = −g
    ad::Jet<double, 2> f;
    f.v = 1, f.g = {2, 3}, f.h = {4, 5, 6};
    const auto rf = model::reflect(f);
    CHECK(rf.g[0] == -2);
    CHECK(rf.g[1] == -3);
    CHECK(rf.h[1] == 5);
}
