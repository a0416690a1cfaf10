// Time per iterate of gradient play (issue 4): double, MPFR (100 digits), certified
// interval<mpfr> (256 and 400 bits), and one SGD step. Case A 4-D start, 20 iterates per run;
// the "per_iterate" counter is seconds per iterate (one evaluation + update; certified: two
// interval evaluations + the mean-value update).
#include <benchmark/benchmark.h>

#include "gancert/dynamics/play.hpp"
#include "gancert/dynamics/sgd.hpp"

using namespace gancert;

namespace {
constexpr int iterates = 20;
dynamics::TrajectorySpec spec() {
    auto s = dynamics::paper_run(dynamics::PaperCase::A, 4);
    s.iterates = iterates;
    return s;
}
void per_iterate(benchmark::State& st, int n) {
    st.counters["per_iterate"] =
        benchmark::Counter(n, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
}  // namespace

static void BM_play_double(benchmark::State& st) {
    const auto s = spec();
    for (auto _ : st) benchmark::DoNotOptimize(dynamics::play_double(s));
    per_iterate(st, iterates);
}
BENCHMARK(BM_play_double)->Unit(benchmark::kMillisecond);

static void BM_play_mpfr_100_digits(benchmark::State& st) {
    const auto s = spec();
    const unsigned bits = arith::bits_for_digits(100);
    for (auto _ : st) benchmark::DoNotOptimize(dynamics::play_mpfr(s, bits));
    per_iterate(st, iterates);
}
BENCHMARK(BM_play_mpfr_100_digits)->Unit(benchmark::kMillisecond);

static void BM_play_certified(benchmark::State& st) {
    const auto s = spec();
    const unsigned bits = static_cast<unsigned>(st.range(0));
    for (auto _ : st) benchmark::DoNotOptimize(dynamics::play_certified(s, bits));
    per_iterate(st, iterates);
}
BENCHMARK(BM_play_certified)->Arg(256)->Arg(400)->Unit(benchmark::kMillisecond);

static void BM_sgd_step(benchmark::State& st) {
    auto s = spec();
    s.iterates = 2;  // one update
    const auto n = static_cast<std::size_t>(st.range(0));
    std::uint64_t seed = 1;
    for (auto _ : st) benchmark::DoNotOptimize(dynamics::sgd_run(s, n, dynamics::splitmix64(seed++)));
}
BENCHMARK(BM_sgd_step)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
