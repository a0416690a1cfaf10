// Time per operation of gancert's scalar types: exp, erf, erfc, +, × for
//   double (std::), mpfr (round to nearest, not rigorous) at 53/128/256/1024 bits,
//   idouble, impfr at 53/128/256/1024 bits,
// side by side in one run; double's std::erf is the floor. Arguments cycle through 64 values in
// [0.1, 3.25) (full-precision mantissas at each MPFR precision). Run: bench/run.sh <build-dir>.
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <functional>
#include <string>

#include "gancert/arith/scalar.hpp"

using namespace gancert::arith;

namespace {

constexpr std::size_t n_args = 64;

/// 64 arguments x_k = 0.1 + k·(π/64) (π/64 rounded at the type's precision, so the
/// mantissas are full).
template <class S>
std::array<S, n_args> arguments() {
    std::array<S, n_args> a;
    S step = pi<S>() / integer<S>(64);
    for (std::size_t k = 0; k < n_args; ++k)
        a[k] = parse<S>("0.1", "x") + integer<S>(static_cast<long>(k)) * step;
    return a;
}

template <class S, class Op>
void unary(benchmark::State& state, unsigned bits, Op op) {
    std::optional<precision_guard> g;
    if (bits) g.emplace(bits);
    const auto a = arguments<S>();
    std::size_t k = 0;
    for (auto _ : state) {
        S r = op(a[k]);
        benchmark::DoNotOptimize(r);
        k = (k + 1) % n_args;
    }
}

template <class S, class Op>
void binary(benchmark::State& state, unsigned bits, Op op) {
    std::optional<precision_guard> g;
    if (bits) g.emplace(bits);
    const auto a = arguments<S>();
    std::size_t k = 0;
    for (auto _ : state) {
        S r = op(a[k], a[(k + 17) % n_args]);
        benchmark::DoNotOptimize(r);
        k = (k + 1) % n_args;
    }
}

template <class S>
void register_type(const std::string& type, unsigned bits) {
    std::string suffix = "/";
    suffix.append(type);
    if (bits) suffix.append("@").append(std::to_string(bits));
    auto reg = [&](const char* op, void (*fn)(benchmark::State&, unsigned)) {
        benchmark::RegisterBenchmark((op + suffix).c_str(), [fn, bits](benchmark::State& st) { fn(st, bits); });
    };
    reg("exp", [](benchmark::State& st, unsigned b) { unary<S>(st, b, [](const S& x) { return S(exp(x)); }); });
    reg("erf", [](benchmark::State& st, unsigned b) { unary<S>(st, b, [](const S& x) { return S(erf(x)); }); });
    reg("erfc", [](benchmark::State& st, unsigned b) { unary<S>(st, b, [](const S& x) { return S(erfc(x)); }); });
    reg("add", [](benchmark::State& st, unsigned b) {
        binary<S>(st, b, [](const S& x, const S& y) { return S(x + y); });
    });
    reg("mul", [](benchmark::State& st, unsigned b) {
        binary<S>(st, b, [](const S& x, const S& y) { return S(x * y); });
    });
}

}  // namespace

int main(int argc, char** argv) {
    register_type<double>("double", 0);
    for (unsigned bits : {53u, 128u, 256u, 1024u}) register_type<mpfr>("mpfr", bits);
    register_type<idouble>("idouble", 0);
    for (unsigned bits : {53u, 128u, 256u, 1024u}) register_type<impfr>("impfr", bits);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
