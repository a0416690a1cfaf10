// interval<double> (idouble) timings, one run (bench/; issue 14: "interval<double> enclosures of
// the 17 numbers <= 20 us", issue 13: the Python batch's fast path):
//   * the rigorous elementary kernels of rounding<double> on point intervals: exp, erf, erfc,
//     erfcx, atan (lemma A1.6 where it applies, else lemma A1.5);
//   * the closed form J1, J2, J, gradient, Hessian (17 enclosures) at Case A, Case B and at
//     256 random points of the Python bench's region (a in [0.5, 3], b, h in [-4, 4],
//     g in [0.2, 3], c in [0.2, 5], seeded); counter `accepted` = share of points whose 17
//     enclosures all meet the batch's relative width 2^-40 (api/batch.hpp);
//   * BM_idouble_fallback_split: why the other points fall back to MPFR (counters).
// Rows with /ball:1 route past the fast kernels to the Arb ball kernels (the state before
// lemma A1.6), so both appear in one run. Run: build/bench/bench_idouble
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <random>
#include <vector>

#include "gancert/arith/detail/planted_faults.hpp"
#include "gancert/arith/scalar.hpp"
#include "gancert/model/closed_form.hpp"
#include "gancert/model/closed_form_integrals.hpp"

using namespace gancert;
using namespace gancert::arith;

namespace {

using P = model::Params<idouble>;

P point(double a, double b, double g, double h, double c) {
    return P{idouble(a), idouble(b), idouble(g), idouble(h), idouble(c)};
}

std::vector<P> random_points(std::size_t n) {
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<double> ua(0.5, 3), ub(-4, 4), ug(0.2, 3), uc(0.2, 5);
    std::vector<P> out;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = ua(rng), b = ub(rng), g = ug(rng), h = ub(rng), c = uc(rng);
        out.push_back(point(a, b, g, h, c));
    }
    return out;
}

bool accepted(const std::optional<model::Evaluation<idouble>>& e) {
    if (!e) return false;
    return e->all_of([](const idouble& x) {
        const double lo = x.lower(), hi = x.upper();
        if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo > 0 || hi < 0)) return false;
        return hi - lo <= 0.5 * 0x1p-40 * std::min(std::fabs(lo), std::fabs(hi));
    });
}

/// The kernels before lemma A1.6, for the side-by-side rows: `/ball` runs route rounding<double>
/// past the fast kernels to the Arb ball kernels (lemma A1.5), as the ball canary does.
using ball_path = gancert::arith::detail::planted_fault_scope;
gancert::arith::detail::PlantedFaults route(bool ball) {
    gancert::arith::detail::PlantedFaults f;
    f.fast_kernels_off = ball;
    return f;
}

void closed_form(benchmark::State& state, const std::vector<P>& pts) {
    ball_path scope(route(state.range(0) != 0));
    std::size_t k = 0, ok = 0, n = 0;
    for (auto _ : state) {
        auto e = model::evaluate_closed_form(pts[k]);
        ok += accepted(e);
        ++n;
        benchmark::DoNotOptimize(e);
        k = (k + 1) % pts.size();
    }
    state.counters["accepted"] = static_cast<double>(ok) / static_cast<double>(n);
}

void BM_idouble_closed_form_caseA(benchmark::State& state) { closed_form(state, {point(2.2, -3, 1.5, -2, 0.5)}); }
BENCHMARK(BM_idouble_closed_form_caseA)->ArgName("ball")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
void BM_idouble_closed_form_caseB(benchmark::State& state) { closed_form(state, {point(1.21, -1, 0.35, -4, 4.04)}); }
BENCHMARK(BM_idouble_closed_form_caseB)->ArgName("ball")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
void BM_idouble_closed_form_random(benchmark::State& state) {
    static const std::vector<P> pts = random_points(256);
    closed_form(state, pts);
}
BENCHMARK(BM_idouble_closed_form_random)->ArgName("ball")->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

/// Why points miss the batch's fast path (api/batch.hpp): over 10^4 random points, the share
/// declined by the closed form, with a quantity whose enclosure contains 0 or underflows
/// (|x| < 2^-1000; below_range: the whole enclosure below 2^-1000, e.g. J2 under the double
/// range), and with a quantity wider than 2^-40 relative;
/// for the wide ones also the share with E = max(E1, E2) > 4 (e^E cancellation, lemma C).
void BM_idouble_fallback_split(benchmark::State& state) {
    const std::vector<P> pts = random_points(10000);
    double declined = 0, unresolved = 0, below_range = 0, wide = 0, wide_large_E = 0, ok = 0;
    std::array<double, model::quantity_count> worst{}, zero_q{};
    for (auto _ : state) {
        for (const P& p : pts) {
            const auto e = model::evaluate_closed_form(p);
            if (!e) {
                ++declined;
                continue;
            }
            bool unres = false, wid = false, below = false;
            std::size_t wq = 0;
            double wr = 0;
            for (std::size_t q = 0; q < model::quantity_count; ++q) {
                const double lo = e->quantity(q).lower(), hi = e->quantity(q).upper();
                const double m = std::min(std::fabs(lo), std::fabs(hi));
                if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo > 0 || hi < 0) || m < 0x1p-1000) {
                    unres = true;
                    if (std::max(std::fabs(lo), std::fabs(hi)) < 0x1p-1000) below = true;  // all of it
                    ++zero_q[q];
                    continue;
                }
                const double rel = (hi - lo) / m;
                if (rel > 0.5 * 0x1p-40) wid = true;
                if (rel > wr) wr = rel, wq = q;
            }
            if (unres) {
                ++unresolved;
                if (below) ++below_range;
            }
            else if (wid) {
                ++wide;
                worst[wq] += 1;
                const double a = p.a.lower(), b = p.b.lower(), g = p.g.lower(), h = p.h.lower(), c = p.c.lower();
                const double E = std::max(model::w_exponent(a / c, b), model::w_exponent(a * g, a * h + b));
                if (E > 4) ++wide_large_E;
            } else
                ++ok;
        }
    }
    const double n = static_cast<double>(pts.size() * state.iterations());
    state.counters["accepted"] = ok / n;
    state.counters["declined"] = declined / n;
    state.counters["zero_or_tiny"] = unresolved / n;
    state.counters["below_range"] = below_range / n;
    state.counters["too_wide"] = wide / n;
    state.counters["too_wide_E>4"] = wide_large_E / n;
    std::size_t top = 0;
    for (std::size_t q = 0; q < worst.size(); ++q)
        if (worst[q] > worst[top]) top = q;
    std::size_t ztop = 0;
    for (std::size_t q = 0; q < zero_q.size(); ++q)
        if (zero_q[q] > zero_q[ztop]) ztop = q;
    state.SetLabel("widest most often: " + std::string(model::quantity_names[top]) +
                   "; zero or tiny most often: " + std::string(model::quantity_names[ztop]));
}
BENCHMARK(BM_idouble_fallback_split)->Iterations(1)->Unit(benchmark::kMillisecond);

/// 64 point arguments x_k = lo + k (hi − lo)/64 (full mantissas).
template <class F>
void kernel(benchmark::State& state, double lo, double hi, F f) {
    ball_path scope(route(state.range(0) != 0));
    std::array<idouble, 64> a;
    for (std::size_t k = 0; k < a.size(); ++k) a[k] = idouble(lo + (hi - lo) * (static_cast<double>(k) + 0.37) / 64);
    std::size_t k = 0;
    for (auto _ : state) {
        idouble r = f(a[k]);
        benchmark::DoNotOptimize(r);
        k = (k + 1) % a.size();
    }
}

void BM_idouble_exp(benchmark::State& s) { kernel(s, -20, 20, [](const idouble& x) { return exp(x); }); }
void BM_idouble_erf(benchmark::State& s) { kernel(s, -4, 4, [](const idouble& x) { return erf(x); }); }
void BM_idouble_erfc(benchmark::State& s) { kernel(s, -4, 12, [](const idouble& x) { return erfc(x); }); }
void BM_idouble_erfcx(benchmark::State& s) { kernel(s, 0, 25, [](const idouble& x) { return erfcx(x); }); }
void BM_idouble_atan(benchmark::State& s) { kernel(s, 0, 1, [](const idouble& x) { return atan(x); }); }
BENCHMARK(BM_idouble_exp)->ArgName("ball")->Arg(0)->Arg(1);
BENCHMARK(BM_idouble_erf)->ArgName("ball")->Arg(0)->Arg(1);
BENCHMARK(BM_idouble_erfc)->ArgName("ball")->Arg(0)->Arg(1);
BENCHMARK(BM_idouble_erfcx)->ArgName("ball")->Arg(0)->Arg(1);
BENCHMARK(BM_idouble_atan)->ArgName("ball")->Arg(0)->Arg(1);

}  // namespace

BENCHMARK_MAIN();
