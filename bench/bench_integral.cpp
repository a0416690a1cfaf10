// Integral path: J + ∇J + ∇²J at Case A in double (fast path) and certified (impfr) at
// 128, 256, 1024 bits and at 300 digits; one run, side by side.
#include <benchmark/benchmark.h>

#include "gancert/model/integral_path.hpp"

using namespace gancert;
using namespace gancert::arith;

namespace {
const model::DecimalParams case_a{"2.2", "-3", "1.5", "-2", "0.5"};

void BM_integral_double(benchmark::State& st) {
    auto p = model::to_scalar<double>(case_a);
    for (auto _ : st) benchmark::DoNotOptimize(model::evaluate_integral(p));
}
void BM_integral_idouble(benchmark::State& st) {
    auto p = model::to_scalar<idouble>(case_a);
    for (auto _ : st) benchmark::DoNotOptimize(model::evaluate_integral(p));
}
void BM_integral_certified_bits(benchmark::State& st) {
    precision_guard g(static_cast<unsigned>(st.range(0)));
    auto p = model::to_scalar<impfr>(case_a);
    model::evaluate_integral(p);  // warm the Gauss–Legendre cache
    std::size_t evals = 0;
    for (auto _ : st) {
        auto r = model::evaluate_integral_report(p);
        evals = r.evaluations;
        benchmark::DoNotOptimize(r);
    }
    st.counters["node_evals"] = static_cast<double>(evals);
}
void BM_integral_certified_300_digits(benchmark::State& st) {
    model::evaluate_integral_certified(case_a, 300);
    for (auto _ : st) benchmark::DoNotOptimize(model::evaluate_integral_certified(case_a, 300));
}
}  // namespace

BENCHMARK(BM_integral_double)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_integral_idouble)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_integral_certified_bits)->Arg(128)->Arg(256)->Arg(1024)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_integral_certified_300_digits)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
