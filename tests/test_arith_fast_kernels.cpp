// The fast double kernels of lemma A1.6 (exp, erf, erfc, erfcx of interval<double>):
//  * property runs of tests/arith_property_harness.hpp restricted to each kernel's own domain
//    (dense there, 4·10⁴ argument intervals each: tails, tiny and subnormal-range arguments, the declining ends), containment
//    of the 1000-bit MPFR value and <= 2 ulp (erf: 4 ulp) for point arguments;
//  * every cell boundary of the erf / erfcx tables and its neighbouring doubles, and the
//    thresholds where the kernels switch formulas (1/4, 2, 6, 26.5, 32, the exp range);
//  * canary: with `fast_truncated` planted (three Taylor terms and every error bound
//    dropped) the same runs must report containment violations.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "arith_property_harness.hpp"
#include "arith_reference.hpp"
#include "gancert/arith/detail/planted_faults.hpp"

using namespace harness;
using gancert::arith::idouble;

namespace {

const auto exp_op = [](const auto& x) { return exp(x); };
const auto erf_op = [](const auto& x) { return erf(x); };
const auto erfc_op = [](const auto& x) { return erfc(x); };
const auto erfcx_op = [](const auto& x) { return erfcx(x); };
void erfcx_ref(enclosure& e, double x) { erfcx_reference(e, x); }

struct kernel_case {
    unary_spec spec;
    std::function<idouble(const idouble&)> op;
    unsigned ulps;
    std::vector<double> specials;  // cell boundaries and formula thresholds
};

std::vector<double> around(const std::vector<double>& xs) {
    std::vector<double> out;
    for (double x : xs)
        for (double s : {x, -x}) {
            double y = s;
            for (int k = 0; k < 3; ++k) y = std::nextafter(y, -1e300);
            for (int k = 0; k < 7; ++k, y = std::nextafter(y, 1e300)) out.push_back(y);
        }
    return out;
}

std::vector<double> grid(double step, double lo, double hi) {
    std::vector<double> v;
    for (double x = lo; x <= hi; x += step) v.push_back(x);
    return v;
}

std::vector<kernel_case> cases() {
    std::vector<double> erf_pts = grid(1.0 / 32, 0, 2.125), erfcx_pts = grid(1.0 / 16, 0, 32.25);
    for (double t : {6.0, 26.5, 0.25}) erf_pts.push_back(t);
    for (double t : {26.0, 26.5, 27.0, 0.3125}) erfcx_pts.push_back(t);
    return {
        {{.name = "exp", .max_abs = 760, .n_args = 40000, .seed = 901, .reference = ref_of(mpfr_exp)},
         exp_op, 2, {708.0, 709.5, 709.78, 745.0, 745.2, 0x1.7p-8, 0.0054152123481245725, 1e-300, 1e-320}},
        {{.name = "erf", .max_abs = 8, .n_args = 40000, .seed = 902, .reference = ref_of(mpfr_erf)},
         erf_op, 4, erf_pts},
        {{.name = "erfc", .max_abs = 30, .n_args = 40000, .seed = 903, .reference = ref_of(mpfr_erfc)},
         erfc_op, 2, erf_pts},
        {{.name = "erfcx", .max_abs = 40, .n_args = 40000, .seed = 904, .reference = erfcx_ref},
         erfcx_op, 2, erfcx_pts},
    };
}

/// Containment and width at the special points (point intervals), against 1000-bit MPFR.
report check_specials(const kernel_case& k, unsigned& worst_ulps) {
    report rep("idouble@specials");
    for (double x : around(k.specials)) {
        enclosure ref;
        k.spec.reference(ref, x);
        const idouble r = k.op(idouble(x));
        check_contains(rep, r, ref, [&] { return k.spec.name + "(" + show(x) + ")"; });
        if (auto s = ulp_steps(r.lower(), r.upper());
            s && std::fabs(r.lower()) > 0x1p-1000 && std::fabs(r.upper()) < 0x1p1020 && r.lower() != 0)
            worst_ulps = std::max(worst_ulps, static_cast<unsigned>(*s));
    }
    return rep;
}

}  // namespace

TEST_CASE("fast kernels: containment and tightness on their own domains", "[arith][property][fast]") {
    for (const kernel_case& k : cases()) {
        unary_spec s = k.spec;
        s.tight = {k.ulps, 3};
        const report r = run_unary_all<v_idouble>(s, k.op)[0];
        r.print(s.name.c_str());
        unsigned worst = 0;
        const report sp = check_specials(k, worst);
        sp.print(s.name.c_str());
        std::printf("  %-14s specials: worst width %u ulp\n", s.name.c_str(), worst);
        INFO(s.name);
        for (const auto& e : r.examples) INFO(e);
        for (const auto& e : sp.examples) INFO(e);
        CHECK(r.violations == 0);
        CHECK(r.tight_failed == 0);
        CHECK(r.tight_checked > 1000);
        CHECK(sp.violations == 0);
        CHECK(worst <= k.ulps);
    }
}

TEST_CASE("fast kernels canary: dropped terms and bounds are caught", "[arith][canary][fast]") {
    using gancert::arith::detail::planted_fault_scope;
    for (const kernel_case& k : cases()) {
        unary_spec s = k.spec;
        s.n_args = 10000;
        s.tight = {0, 0};
        unary_data d(s);
        const report sound = run_unary<v_idouble>(s, d, k.op);
        report broken;
        unsigned worst = 0;
        report broken_sp;
        {
            planted_fault_scope fault({.fast_truncated = true});
            broken = run_unary<v_idouble>(s, d, k.op);
            broken_sp = check_specials(k, worst);
        }
        sound.print(s.name.c_str());
        broken.print((s.name + " (planted: truncated)").c_str());
        INFO(s.name);
        CHECK(sound.violations == 0);
        CHECK(broken.violations + broken_sp.violations > 0);
    }
}
