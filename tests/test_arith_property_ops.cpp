// Property tests of the rigorous arithmetic: + − × ÷ sqrt square pow(x, k) on idouble and impfr
// at 53/128/256 bits. Each result must enclose the exact value at the endpoints and sampled
// interior points of the arguments (checked exactly against MPFR's 1000-bit directed roundings,
// see tests/arith_property_harness.hpp), and point arguments must give tight results.
#include <catch2/catch.hpp>

#include "arith_property_harness.hpp"

using namespace harness;

namespace {

template <class Reps>
void require_sound_and_tight(const char* fn, const Reps& reps, std::size_t min_args = 100000) {
    for (const report& r : reps) {
        r.print(fn);
        INFO(fn << " on " << r.variant);
        for (const auto& e : r.examples) INFO(e);
        CHECK(r.args >= min_args);
        CHECK(r.violations == 0);
        CHECK(r.tight_failed == 0);
        CHECK(r.tight_checked > 0);
    }
}

template <class Op>
void binary_property(binary_spec s, Op op) {
    auto reps = run_binary_all<v_idouble, v_impfr53, v_impfr128, v_impfr256>(s, op);
    require_sound_and_tight(s.name.c_str(), reps);
}

}  // namespace

TEST_CASE("property: interval addition encloses x + y", "[arith][property]") {
    binary_property({.name = "add", .seed = 11, .reference = ref_of(mpfr_add)},
                    [](const auto& x, const auto& y) { return x + y; });
}

TEST_CASE("property: interval subtraction encloses x - y", "[arith][property]") {
    binary_property({.name = "sub", .seed = 21, .reference = ref_of(mpfr_sub)},
                    [](const auto& x, const auto& y) { return x - y; });
}

TEST_CASE("property: interval multiplication encloses x times y", "[arith][property]") {
    binary_property({.name = "mul", .seed = 31, .reference = ref_of(mpfr_mul)},
                    [](const auto& x, const auto& y) { return x * y; });
}

TEST_CASE("property: interval division encloses x / y", "[arith][property]") {
    binary_property({.name = "div", .n_args = 100100, .seed = 41, .nonzero_divisor = true, .reference = ref_of(mpfr_div)},
                    [](const auto& x, const auto& y) { return x / y; });
}

namespace {
template <class Op>
void unary_property(const unary_spec& s, Op op, std::size_t min_args = 100000) {
    auto reps = run_unary_all<v_idouble, v_impfr53, v_impfr128, v_impfr256>(s, op);
    require_sound_and_tight(s.name.c_str(), reps, min_args);
}
}  // namespace

TEST_CASE("property: interval sqrt encloses sqrt(x)", "[arith][property]") {
    unary_property({.name = "sqrt", .dom = domain::nonneg, .seed = 51, .reference = ref_of(mpfr_sqrt)},
                   [](const auto& x) { return sqrt(x); });
}

TEST_CASE("property: interval square encloses x^2 (also across 0)", "[arith][property]") {
    unary_property({.name = "square", .seed = 61, .reference = ref_of(mpfr_sqr)},
                   [](const auto& x) { return square(x); });
}

TEST_CASE("property: interval pow encloses x^k for small integers k", "[arith][property]") {
    // Boost's pow(x, k) uses binary powering: n = max(1, k − 1) directed multiplications for
    // k > 0 and one more (1/·) for k < 0, each off by < 1.5 ulp (double) or 1 ulp (MPFR) per
    // side. Tightness bound therefore grows with n (lemma A1.4 note in proofs/lemmas.md):
    // double ≤ 4 ulp for n = 1 and ≤ 6n ulp beyond; MPFR ≤ 2^(−p+2)·n relative.
    std::size_t total[4] = {0, 0, 0, 0};
    for (int k : {-3, -2, -1, 2, 3, 4, 5}) {
        const unsigned n = k > 0 ? std::max(1, k - 1) : -k;
        tightness t{n == 1 ? 4u : 6 * n, 2 + static_cast<int>(std::ceil(std::log2(n)))};
        // negative powers: arguments in (0, ∞), so that 1/x^|k| is bounded
        unary_spec s{.name = "pow(x," + std::to_string(k) + ")",
                     .dom = k < 0 ? domain::positive : domain::all,
                     .pool_size = 3000,
                     .n_args = 15000,
                     .seed = 71 + static_cast<std::uint64_t>(k + 10),
                     .reference = [k](enclosure& e, double x) {
                         mp xm(53);
                         mpfr_set_d(xm, x, MPFR_RNDN);
                         bracket_from_rndd(e, mpfr_pow_si(e.lo, xm, k, MPFR_RNDD));
                     },
                     .tight = t};
        auto op = [k](const auto& x) { return pow(x, k); };
        auto reps = run_unary_all<v_idouble, v_impfr53, v_impfr128, v_impfr256>(s, op);
        for (std::size_t v = 0; v < reps.size(); ++v) total[v] += reps[v].args;
        require_sound_and_tight(s.name.c_str(), reps, 15000);
    }
    for (std::size_t t : total) CHECK(t >= 100000);
}
