// Certifier benchmarks: leaves per second, time per proofs/ certificate, speed-up 1 -> 2
// threads, peak RSS (counter "peak_rss_MB", process-wide maximum so far). Counters:
// leaves_per_s (rate), s_per_claim (wall seconds of one certify() run), leaves (per run).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <filesystem>

#include "gancert/certify/engine.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/certify/test_functions.hpp"

using namespace gancert::certify;

namespace {

double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

void run(benchmark::State& st, const BoxFunction& f, const Box& root, Claim c) {
    CertifyOptions opt;
    opt.threads = static_cast<unsigned>(st.range(0));
    opt.progress = false;
    opt.initial_boxes = 64;
    opt.out = (std::filesystem::temp_directory_path() / "gancert-bench-certify.jsonl").string();
    c = resolve_claim(f, root, c);
    std::size_t leaves = 0, runs = 0;
    double seconds = 0;
    for (auto _ : st) {
        auto r = certify(f, root, c, opt);
        leaves += r.summary["leaves"].get<std::size_t>();
        seconds += r.seconds;
        ++runs;
    }
    st.counters["leaves_per_s"] = benchmark::Counter(static_cast<double>(leaves), benchmark::Counter::kIsRate);
    st.counters["s_per_claim"] = runs ? seconds / static_cast<double>(runs) : 0.0;
    st.counters["leaves"] = runs ? static_cast<double>(leaves) / static_cast<double>(runs) : 0.0;
    st.counters["peak_rss_MB"] = peak_rss_mb();
}

const std::map<std::string, std::map<std::string, std::string>> fixed = {
    {"A", {{"c", "0.5"}, {"a", "2.2"}, {"g", "1.5"}}}, {"B", {{"c", "4.04"}, {"a", "1.21"}, {"g", "0.35"}}}};

void BM_cubic3_no_saddle(benchmark::State& st) {
    auto f = make_test_cubic(3);
    Box root = make_root_box(f->names(), {"-3", "-2.7", "-2.2"}, {"3.1", "3", "2.5"});
    Claim c;
    c.kind = ClaimKind::no_saddle;
    run(st, *f, root, c);
}

template <char Case, int Dims>
void BM_rsee_no_saddle(benchmark::State& st) {
    std::string k(1, Case);
    std::unique_ptr<BoxFunction> f;
    Box root;
    if (Dims == 2) {
        f = make_rsee_function(fixed.at(k), {"b", "h"});
        root = make_root_box({"b", "h"}, {"-6", "-6"}, {"6", "6"});
    } else {
        f = make_rsee_function({{"c", fixed.at(k).at("c")}}, {"a", "b", "g", "h"});
        root = make_root_box({"a", "b", "g", "h"}, {"0.5", "-4", "0.2", "-5"}, {"5", "4", "4", "3"});
    }
    Claim c;
    c.kind = ClaimKind::no_saddle;
    run(st, *f, root, c);
}

template <char Case>
void BM_rsee_plateau(benchmark::State& st) {
    auto f = make_rsee_function(fixed.at(std::string(1, Case)), {"b", "h"});
    Box root = Case == 'A' ? make_root_box({"b", "h"}, {"1.58", "1.41"}, {"1.63", "1.46"})
                           : make_root_box({"b", "h"}, {"2.14", "-0.16"}, {"2.19", "-0.11"});
    Claim c;
    c.kind = ClaimKind::plateau;
    c.eps = Decimal::parse("0.01");
    c.delta = Decimal::parse("0.002");
    c.level = Decimal::parse("1");
    run(st, *f, root, c);
}

/// Lemma K4 for both signs of a (issue 10): the 4-D no-stationary claim of case A (c = 0.5)
/// over a < 0 and over its mirror a > 0; with the a < 0 sign bound both are decided by
/// "excluded (bounds)" leaves at a similar rate.
template <int Sign>
void BM_rsee_no_stationary_4d_sign(benchmark::State& st) {
    auto f = make_rsee_function({{"c", "0.5"}}, {"a", "b", "g", "h"});
    Box root = Sign > 0 ? make_root_box({"a", "b", "g", "h"}, {"0.5", "-6", "0.2", "-5"}, {"5", "6", "4", "3"})
                        : make_root_box({"a", "b", "g", "h"}, {"-5", "-6", "0.2", "-5"}, {"-0.5", "6", "4", "3"});
    Claim c;
    c.kind = ClaimKind::no_stationary;
    run(st, *f, root, c);
}

/// Issue 10, items 3 and 8: lemma leaves and early stop (case A, c = 0.5, 4-D). Kinds: a box
/// touching a = 0 (lemmas S1/S8), an unbounded box (S1 only), the whole space (refuted by S7),
/// and a refuted no-saddle claim that stops after the first refuting level.
enum class Lemma { touching_a0, unbounded, whole_space, early_stop };
template <Lemma K>
void BM_rsee_lemma(benchmark::State& st) {
    auto f = make_rsee_function({{"c", "0.5"}}, {"a", "b", "g", "h"});
    const std::vector<std::string> n = {"a", "b", "g", "h"};
    Box root = K == Lemma::touching_a0 ? make_root_box(n, {"0", "0.5", "0.2", "-5"}, {"2", "3", "4", "3"})
             : K == Lemma::unbounded   ? make_root_box(n, {"0.5", "-inf", "0", "-inf"}, {"inf", "inf", "inf", "inf"})
             : K == Lemma::whole_space ? make_root_box(n, {"-inf", "-inf", "0", "-inf"}, {"inf", "inf", "inf", "inf"})
                                       : make_root_box(n, {"-1", "-1", "0.5", "-1"}, {"1", "1", "2", "2"});
    Claim c;
    c.kind = K == Lemma::early_stop ? ClaimKind::no_saddle : ClaimKind::no_stationary;
    run(st, *f, root, c);
}

}  // namespace

BENCHMARK_TEMPLATE(BM_rsee_lemma, Lemma::touching_a0)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_TEMPLATE(BM_rsee_lemma, Lemma::unbounded)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_TEMPLATE(BM_rsee_lemma, Lemma::whole_space)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_TEMPLATE(BM_rsee_lemma, Lemma::early_stop)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_TEMPLATE(BM_rsee_no_stationary_4d_sign, -1)->Arg(2)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_TEMPLATE(BM_rsee_no_stationary_4d_sign, 1)->Arg(2)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_cubic3_no_saddle)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_TEMPLATE(BM_rsee_no_saddle, 'A', 2)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_TEMPLATE(BM_rsee_no_saddle, 'B', 2)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_TEMPLATE(BM_rsee_no_saddle, 'A', 4)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_TEMPLATE(BM_rsee_no_saddle, 'B', 4)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_TEMPLATE(BM_rsee_plateau, 'A')->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_TEMPLATE(BM_rsee_plateau, 'B')->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
