// The automatic check: expected verdicts on the real numbers; planted errors (a wrong M formula,
// V with the log singular part dropped, an enclosure too wide for the digits, a 1-D generator
// with TV forced to 0, a JSD outside its TV bracket, a too wide C_log) must make judge() fail; TV vs an independent quadrature and vs the values
// in proofs/lemmas.md §X (computed there with mpmath).
#include <catch2/catch.hpp>

#include "counterexample_quadrature.hpp"
#include "gancert/counterexample/check.hpp"
#include "gancert/counterexample/exponential_contrast.hpp"

using namespace gancert::arith;
using namespace gancert::counterexample;

namespace {
const Report& baseline() {
    static const Report r = [] {
        CheckInput in;
        in.digits = 25;
        return run_counterexample_check(in);
    }();
    return r;
}
}  // namespace

TEST_CASE("check: the real numbers give REFUTED (2-D) and CONSISTENT (1-D)", "[counterexample][check]") {
    const Report& r = baseline();
    INFO("first failure: " << (r.failures.empty() ? std::string("none") : r.failures.front()));
    CHECK(r.failures.empty());
    CHECK(r.two_dim_verdict == Verdict::refuted);
    CHECK(r.one_dim_verdict == Verdict::consistent);
    CHECK(expected_verdicts(r));
    REQUIRE(r.two_dim.size() >= 4);  // matching + at least three others
    for (const auto& tc : r.two_dim) {
        REQUIRE(tc.rows.size() == 5);
        for (const auto& row : tc.rows) {
            CHECK(meets_relative_width(row.V, 25));
            CHECK(meets_relative_width(row.J, 25));
        }
    }
}

TEST_CASE("check: planted wrong M formula is rejected", "[counterexample][check][planted]") {
    Report r = baseline();
    precision_guard g(200);
    auto& row = r.two_dim.front().rows.front();  // matching generator, k = 1
    const impfr s = integer<impfr>(1);
    // erfcx(1/√s) instead of erfcx(1/(2√s)), and J recomputed from it
    row.M_s = sqrt_pi<impfr>() / (integer<impfr>(2) * sqrt(s)) * erfcx(integer<impfr>(1) / sqrt(s));
    row.J = integer<impfr>(2) - integer<impfr>(2) * row.M_s + row.M_2s;
    judge(r);
    CHECK_FALSE(r.failures.empty());
    CHECK(r.two_dim_verdict == Verdict::undecided);
    CHECK_FALSE(expected_verdicts(r));
}

TEST_CASE("check: V with the log singular part dropped is rejected", "[counterexample][check][planted]") {
    // For L ~ Laplace(0,1): E log(k²L²) = 2 log k − 2γ (|L| ~ Exp(1)). A method that integrates only
    // the regular part log((1 − e^{−k²L²})/(k²L²)) returns V − (2 log k − 2γ).
    for (std::size_t i : {std::size_t(0), std::size_t(1), std::size_t(3)}) {  // k = 1, 10, 1000
        Report r = baseline();
        precision_guard g(200);
        auto& row = r.two_dim.front().rows[i];
        mpfr lo = fresh_mpfr(), hi = fresh_mpfr();
        mpfr_const_euler(raw(lo), MPFR_RNDD);
        mpfr_const_euler(raw(hi), MPFR_RNDU);
        const impfr euler = make_interval(lo, hi);
        const impfr singular = integer<impfr>(2) * log(parse<impfr>(row.k)) - integer<impfr>(2) * euler;
        row.V = row.V - singular;
        judge(r);
        INFO("k = " << row.k);
        CHECK_FALSE(r.failures.empty());
        CHECK(r.two_dim_verdict == Verdict::undecided);
    }
}

TEST_CASE("check: an enclosure wider than the digits, or a 1-D TV forced to 0, is rejected",
          "[counterexample][check][planted]") {
    {
        Report r = baseline();
        precision_guard g(200);
        auto& V = r.two_dim[2].rows[2].V;
        const impfr widen = V * parse<impfr>("1e-24");  // relative width 1e-24 > 1e-25
        V = V + make_interval(mpfr(0), mpfr(mag(widen)));
        judge(r);
        CHECK(r.two_dim_verdict == Verdict::undecided);
    }
    {
        Report r = baseline();
        r.one_dim[1].tv = integer<impfr>(0);
        r.one_dim[1].c_ls = integer<impfr>(1);
        judge(r);
        CHECK(r.one_dim_verdict == Verdict::undecided);
        CHECK(r.two_dim_verdict == Verdict::refuted);
    }
}

TEST_CASE("TV between Exp(c) and h + Exp(1/g): closed form vs quadrature and vs proofs/lemmas.md 5.2", "[counterexample][tv]") {
    precision_guard g(160);
    struct Case {
        const char *c, *gamma, *h;
        int h_sign;
        double mathmd;  // proofs/lemmas.md §X table (c = 0.5), 0 if not listed
    };
    const Case cases[] = {
        {"0.5", "0.8333333333333333333333333333333333333333333333333", "-0.5", -1, 0.347312903},  // g = 1.2
        {"0.5", "2", "0", 0, 0.4724703937},                                                        // g = 0.5
        {"0.5", "0.6666666666666666666666666666666666666666666666667", "-2", -1, 0.7364028619},   // g = 1.5
        {"0.5", "0.25", "1", 1, 0},
        {"3", "1.7", "0.3", 1, 0},
        {"3", "5", "-0.1", -1, 0},
    };
    for (const Case& cs : cases) {
        const impfr c = parse<impfr>(cs.c), gamma = parse<impfr>(cs.gamma), h = parse<impfr>(cs.h);
        const impfr tv = total_variation({c, gamma, h, cs.h_sign, false});
        const mpfr cm = midpoint(c), gm = midpoint(gamma), hm = midpoint(h);
        auto absdiff = [&](const mpfr& x) {
            const mpfr pd = x >= 0 ? mpfr(cm * exp(-cm * x)) : mpfr(0);
            const mpfr pg = x >= hm ? mpfr(gm * exp(-gm * (x - hm))) : mpfr(0);
            return mpfr(abs(mpfr(pd - pg)) / 2);
        };
        // break points: 0, h and the crossing point (located numerically in double by bisection)
        std::vector<mpfr> pts{mpfr(hm < 0 ? hm : mpfr(0)), mpfr(0), hm, mpfr(200)};
        {
            double a = std::max(0.0, hm.convert_to<double>()) + 1e-12, b = 200;
            auto sgn = [&](double x) {
                const double pd = cm.convert_to<double>() * std::exp(-cm.convert_to<double>() * x);
                const double pg = gm.convert_to<double>() * std::exp(-gm.convert_to<double>() * (x - hm.convert_to<double>()));
                return pd - pg;
            };
            if (sgn(a) * sgn(b) < 0) {
                for (int i = 0; i < 200; ++i) {
                    const double m = (a + b) / 2;
                    (sgn(a) * sgn(m) <= 0 ? b : a) = m;
                }
                pts.push_back(mpfr(a));
            }
        }
        const mpfr q = ce_test::integrate_pieces(absdiff, pts);
        INFO("c = " << cs.c << ", gamma = " << cs.gamma << ", h = " << cs.h << ": TV = " << midpoint(tv) << ", quad " << q);
        CHECK(abs(mpfr(q - midpoint(tv))) < mpfr(1e-14));  // the double crossing point limits the quadrature
        if (cs.mathmd != 0) CHECK(std::abs(to_double(tv) - cs.mathmd) < 2e-9);
        CHECK(tv.lower() > 0);
    }
}

TEST_CASE("check: a 1-D JSD outside its TV bracket, or C_log too wide, is rejected", "[counterexample][check][planted]") {
    {  // JSD moved above TV log 2 (e.g. a sign slip in the overlap integral I)
        Report r = baseline();
        precision_guard g(200);
        r.one_dim[2].jsd = r.one_dim[2].jsd + integer<impfr>(1);
        judge(r);
        CHECK(r.one_dim_verdict == Verdict::undecided);
    }
    {  // C_log widened beyond the requested 25 digits
        Report r = baseline();
        precision_guard g(200);
        auto& C = r.one_dim[3].c_log;
        C = C - make_interval(mpfr(0), mpfr(mag(C * parse<impfr>("1e-24"))));
        judge(r);
        CHECK(r.one_dim_verdict == Verdict::undecided);
    }
    {  // the unmodified report passes the new checks
        Report r = baseline();
        judge(r);
        CHECK(r.one_dim_verdict == Verdict::consistent);
    }
}
