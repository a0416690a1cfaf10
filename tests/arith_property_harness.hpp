// tests/arith_property_harness.hpp — a property harness for interval functions, generic over the
// interval type and the operation.
//
// What it checks: for random argument intervals (tiny/huge magnitudes, negative, zero, point,
// narrow, wide and zero-straddling intervals built from a sorted pool of doubles) every result
// interval R = op(X) must satisfy
//       R.lower() <= RNDD_1000(f(x))   and   RNDU_1000(f(x)) <= R.upper()
// at both endpoints and at sampled interior points x of X (for binary operations: the four
// corners and interior pairs of X × Y). RNDD_1000 / RNDU_1000 are MPFR's 1000-bit directed
// roundings of the exact value. Because every endpoint of the types under test has at most
// 256 significant bits (hence is a 1000-bit number), R.lower() <= RNDD_1000(f(x)) holds iff
// R.lower() <= f(x): the check is exact, not approximate (for + − × ÷ sqrt square pow too).
//
// The harness does not know which interval type it runs on: a "variant" names the type and the
// working precision; the operation is a generic lambda applied to every variant, so the same
// harness runs on gancert's idouble / impfr and on the deliberately broken canary type.
// Reference values depend only on the sample points, so they are computed once and shared by
// all variants of one run.
#pragma once
#include <mpfr.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <ctime>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "gancert/arith/scalar.hpp"

namespace harness {

using gancert::arith::mpfr;
using gancert::arith::raw;

inline constexpr mpfr_prec_t ref_bits = 1000;

/// An owned 1000-bit (or other precision) MPFR value for reference data.
struct mp {
    mpfr_t v;
    explicit mp(mpfr_prec_t p = ref_bits) { mpfr_init2(v, p); }
    mp(const mp& o) {
        mpfr_init2(v, mpfr_get_prec(o.v));
        mpfr_set(v, o.v, MPFR_RNDN);
    }
    mp& operator=(const mp& o) {
        mpfr_set_prec(v, mpfr_get_prec(o.v));
        mpfr_set(v, o.v, MPFR_RNDN);
        return *this;
    }
    ~mp() { mpfr_clear(v); }
    operator mpfr_ptr() { return v; }
    operator mpfr_srcptr() const { return v; }
};

/// A reference enclosure lo <= f(x) <= hi at ref_bits.
struct enclosure {
    mp lo, hi;
};

/// Turns an MPFR function into a 1000-bit reference: one call with MPFR_RNDD; if the result is
/// inexact (ternary != 0, so lo < f(x)), the next 1000-bit number above lo is RNDU(f(x)).
inline void bracket_from_rndd(enclosure& e, int ternary) {
    mpfr_set(e.hi, e.lo, MPFR_RNDN);
    if (ternary != 0) mpfr_nextabove(e.hi);
}
using mpfr_fn1 = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);
using mpfr_fn2 = int (*)(mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t);

/// Reference of a correctly rounded unary MPFR function at a double point.
inline std::function<void(enclosure&, double)> ref_of(mpfr_fn1 f) {
    return [f](enclosure& e, double x) {
        mp xm(53);
        mpfr_set_d(xm, x, MPFR_RNDN);
        bracket_from_rndd(e, f(e.lo, xm, MPFR_RNDD));
    };
}
/// Reference of a correctly rounded binary MPFR function at a double point pair.
inline std::function<void(enclosure&, double, double)> ref_of(mpfr_fn2 f) {
    return [f](enclosure& e, double x, double y) {
        mp xm(53), ym(53);
        mpfr_set_d(xm, x, MPFR_RNDN);
        mpfr_set_d(ym, y, MPFR_RNDN);
        bracket_from_rndd(e, f(e.lo, xm, ym, MPFR_RNDD));
    };
}

// ---- the variants (interval type + precision) ----------------------------------------------
template <class I, unsigned Bits>
struct variant {
    using type = I;
    static constexpr unsigned bits = Bits;  // 0: no MPFR working precision involved
};
using v_idouble = variant<gancert::arith::idouble, 0>;
using v_impfr53 = variant<gancert::arith::impfr, 53>;
using v_impfr128 = variant<gancert::arith::impfr, 128>;
using v_impfr256 = variant<gancert::arith::impfr, 256>;

template <class I>
using endpoint_of = std::decay_t<decltype(std::declval<I>().lower())>;

template <class V>
std::string variant_name() {
    if constexpr (std::is_same_v<endpoint_of<typename V::type>, double>)
        return std::is_same_v<typename V::type, gancert::arith::idouble> ? "idouble" : "canary<double>";
    else
        return "impfr@" + std::to_string(V::bits);
}

/// Interval of type I with double endpoints (exact: every type has >= 53 bits).
template <class I>
I from_doubles(double lo, double hi) {
    using T = endpoint_of<I>;
    if constexpr (std::is_same_v<T, double>) {
        return I(lo, hi);
    } else {
        T a = gancert::arith::fresh_mpfr(), b = gancert::arith::fresh_mpfr();
        mpfr_set_d(raw(a), lo, MPFR_RNDN);
        mpfr_set_d(raw(b), hi, MPFR_RNDN);
        return I(a, b);
    }
}

inline bool is_nan(double x) { return x != x; }
inline bool is_nan(const mpfr& x) { return mpfr_nan_p(raw(x)) != 0; }
/// sign(a − r) for a non-NaN endpoint a.
inline int cmp(double a, mpfr_srcptr r) { return -mpfr_cmp_d(r, a); }
inline int cmp(const mpfr& a, mpfr_srcptr r) { return mpfr_cmp(raw(a), r); }
inline std::string show(double x) {
    char b[64];
    std::snprintf(b, sizeof b, "%.17g", x);
    return b;
}
inline std::string show(mpfr_srcptr x) {
    char b[128];
    mpfr_snprintf(b, sizeof b, "%.20Rg", x);
    return b;
}
inline std::string show(const mpfr& x) { return show(raw(x)); }

/// CPU seconds used by this process so far.
inline double cpu_now() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// ---- tightness ----------------------------------------------------------------------------
/// Number of doubles d with lo < d <= hi (finite, same sign), i.e. the width in ulp steps.
inline std::optional<std::uint64_t> ulp_steps(double lo, double hi) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) return std::nullopt;
    if (lo == 0 && hi == 0) return 0;
    if (lo < 0 && hi > 0) return std::nullopt;  // a result that crosses zero is not "away from underflow"
    auto bits = [](double x) { return std::bit_cast<std::uint64_t>(std::fabs(x)); };
    return lo >= 0 ? bits(hi) - bits(lo) : bits(lo) - bits(hi);
}

/// Tightness rule for point arguments: double results at most `ulps` ulp steps wide; MPFR
/// results at precision p at most 2^(−p+rel_log2) relative (both only for finite, nonzero,
/// same-sign results away from overflow/underflow). ulps == 0 disables the check.
struct tightness {
    unsigned ulps = 4;
    int rel_log2 = 3;
};

struct report {
    explicit report(std::string v = {}) : variant(std::move(v)) {}
    std::string variant;
    std::size_t args = 0;         // argument intervals evaluated
    std::size_t points = 0;       // (argument, sample point) pairs checked
    std::size_t violations = 0;   // containment failures (incl. NaN endpoints)
    std::size_t rejected = 0;     // evaluations that threw (never allowed unless `may_throw`)
    std::size_t tight_checked = 0, tight_failed = 0;
    double max_ulps = 0;          // worst point width (double) in ulp steps
    double max_rel_log2 = -1e9;   // worst log2(width / |value|) + p  (MPFR)
    double cpu_seconds = 0;       // CPU time of the evaluations and checks for this variant
    std::vector<std::string> examples;

    void violation(std::string what) {
        ++violations;
        if (examples.size() < 5) examples.push_back(std::move(what));
    }
    void print(const char* fn) const {
        std::printf("  %-14s %-16s args=%zu points=%zu violations=%zu tight=%zu/%zu cpu=%.2fs", fn,
                    variant.c_str(), args, points, violations, tight_checked - tight_failed, tight_checked,
                    cpu_seconds);
        if (variant.rfind("impfr", 0) == 0 && max_rel_log2 < -1e8)
            std::printf(" worst width=0 (all exact)\n");
        else if (variant.rfind("impfr", 0) == 0)
            std::printf(" worst width=2^(-p%+.2f)rel\n", max_rel_log2);
        else
            std::printf(" worst width=%.0f ulp\n", max_ulps);
        for (const auto& e : examples) std::printf("    e.g. %s\n", e.c_str());
    }
};

template <class I>
void check_tightness(report& rep, const I& r, const tightness& t, unsigned bits) {
    if (t.ulps == 0) return;
    using T = endpoint_of<I>;
    if constexpr (std::is_same_v<T, double>) {
        double lo = r.lower(), hi = r.upper();
        if (lo == 0 || hi == 0 || !std::isfinite(lo) || !std::isfinite(hi)) return;
        if (std::fabs(lo) < 0x1p-1000 || std::fabs(hi) > 0x1p+1020) return;
        auto s = ulp_steps(lo, hi);
        if (!s) return;
        ++rep.tight_checked;
        rep.max_ulps = std::max(rep.max_ulps, static_cast<double>(*s));
        if (*s > t.ulps) {
            ++rep.tight_failed;
            if (rep.examples.size() < 5) rep.examples.push_back("too wide: [" + show(lo) + ", " + show(hi) + "]");
        }
    } else {
        mpfr_srcptr lo = raw(r.lower()), hi = raw(r.upper());
        if (!mpfr_regular_p(lo) || !mpfr_regular_p(hi) || mpfr_sgn(lo) != mpfr_sgn(hi)) return;
        // away from MPFR's exponent limits (where results saturate)
        const mpfr_exp_t lim = mpfr_get_emax() / 2;
        if (mpfr_get_exp(lo) < -lim || mpfr_get_exp(hi) > lim) return;
        ++rep.tight_checked;
        mp w(64), m(64);
        mpfr_sub(w, hi, lo, MPFR_RNDU);
        mpfr_abs(m, mpfr_cmpabs(lo, hi) < 0 ? lo : hi, MPFR_RNDD);  // min |endpoint|
        double rel_log2;
        if (mpfr_zero_p(w)) {
            rel_log2 = -1e9;
        } else {
            mpfr_div(w, w, m, MPFR_RNDU);
            long e;
            double d = mpfr_get_d_2exp(&e, w, MPFR_RNDU);
            rel_log2 = std::log2(d) + static_cast<double>(e) + bits;
        }
        rep.max_rel_log2 = std::max(rep.max_rel_log2, rel_log2);
        if (rel_log2 > t.rel_log2) {
            ++rep.tight_failed;
            if (rep.examples.size() < 5)
                rep.examples.push_back("too wide: [" + show(lo) + ", " + show(hi) + "]");
        }
    }
}

/// The containment check of one endpoint pair against one reference enclosure.
template <class I, class Describe>
void check_contains(report& rep, const I& r, const enclosure& ref, Describe describe) {
    ++rep.points;
    const auto& lo = r.lower();
    const auto& hi = r.upper();
    bool ok = !is_nan(lo) && !is_nan(hi) && cmp(lo, ref.lo) <= 0 && cmp(hi, ref.hi) >= 0;
    if (!ok)
        rep.violation(describe() + " -> [" + show(lo) + ", " + show(hi) + "] misses [" + show(ref.lo) +
                      ", " + show(ref.hi) + "]");
}

// ---- argument pools -----------------------------------------------------------------------
enum class domain { all, nonneg, positive };

/// A sorted pool of distinct doubles: special values, full-range log-uniform magnitudes,
/// moderate magnitudes 2^-30..2^8 and uniform values in [−8, 8]. |x| <= max_abs.
struct pool {
    std::vector<double> x;
    std::optional<std::size_t> zero;  // index of 0 if present

    pool(domain d, std::size_t n, std::uint64_t seed, double max_abs = std::numeric_limits<double>::max()) {
        std::mt19937_64 rng(seed);
        auto u01 = [&] { return static_cast<double>(rng() >> 11) * 0x1p-53; };
        auto mant = [&] { return 1.0 + u01(); };
        const int max_e = std::ilogb(max_abs);
        std::vector<double> v = {0.0,    1.0,     2.0,    0.5,     3.0,    10.0,  0.1,
                                 1e-300, 1e-310,  std::numeric_limits<double>::denorm_min(),
                                 std::numeric_limits<double>::min(), 1e300, 26.0, 27.5, 8192.0,
                                 8193.0, 1e4,     std::numeric_limits<double>::max()};
        for (std::size_t k = 0; k < n; ++k) {
            double r = u01(), y;
            if (r < 0.3)  // full range
                y = std::ldexp(mant(), -1074 + static_cast<int>(u01() * (max_e + 1075)));
            else if (r < 0.8)
                y = std::ldexp(mant(), -30 + static_cast<int>(u01() * std::min(39, max_e + 31)));
            else
                y = 8 * u01();
            v.push_back(y);
        }
        for (double& y : v) {
            y = std::min(y, max_abs);
            if (d == domain::all && (rng() & 1)) y = -y;
        }
        if (d == domain::all)  // make the specials two-sided
            for (double s : {1.0, 2.0, 0.5, 1e-300, 1e300, 26.0, 27.5, 8192.0})
                if (s <= max_abs) v.push_back(-s);
        if (d == domain::positive) std::erase(v, 0.0);
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
        x = std::move(v);
        for (std::size_t i = 0; i < x.size(); ++i)
            if (x[i] == 0) zero = i;
    }
};

/// One random argument interval [x[i], x[j]] with the pool indices of its sample points.
struct arg {
    std::size_t i, j;
    std::size_t samples[5];
    unsigned n_samples;
    bool point() const { return i == j; }
};

/// Argument intervals from a pool: 30% points, 25% narrow (1–3 pool steps), 20% medium
/// (< 200 steps), 15% wide (any two pool points), 10% straddling 0 (if 0 is in the pool).
/// Samples: both endpoints, two random interior points, and 0 when it is interior.
inline std::vector<arg> make_args(const pool& p, std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    const std::size_t N = p.x.size();
    auto below = [&](std::size_t m) { return static_cast<std::size_t>(rng() % m); };
    std::vector<arg> out;
    out.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
        arg a{};
        unsigned kind = static_cast<unsigned>(rng() % 100);
        a.i = below(N);
        if (kind < 30) {
            a.j = a.i;
        } else if (kind < 55) {
            a.j = std::min(N - 1, a.i + 1 + below(3));
        } else if (kind < 75) {
            a.j = std::min(N - 1, a.i + below(200));
        } else if (kind < 90 || !p.zero) {
            a.j = below(N);
            if (a.j < a.i) std::swap(a.i, a.j);
        } else {
            a.i = below(*p.zero + 1);
            a.j = *p.zero + below(N - *p.zero);
        }
        a.samples[0] = a.i;
        a.samples[1] = a.j;
        a.n_samples = a.i == a.j ? 1 : 2;
        if (a.j > a.i + 1)
            for (int s = 0; s < 2; ++s) a.samples[a.n_samples++] = a.i + 1 + below(a.j - a.i - 1);
        if (p.zero && a.i < *p.zero && *p.zero < a.j) a.samples[a.n_samples++] = *p.zero;
        out.push_back(a);
    }
    return out;
}

// ---- unary runs ---------------------------------------------------------------------------
struct unary_spec {
    std::string name;
    domain dom = domain::all;
    double max_abs = std::numeric_limits<double>::max();
    std::size_t pool_size = 6000;
    std::size_t n_args = 100000;
    std::uint64_t seed = 1;
    std::function<void(enclosure&, double)> reference;
    tightness tight{};
};

/// The shared data of one unary run: the pool, its references and the argument intervals.
struct unary_data {
    pool p;
    std::vector<enclosure> ref;
    std::vector<arg> args;
    double ref_cpu_seconds = 0;
    explicit unary_data(const unary_spec& s)
        : p(s.dom, s.pool_size, s.seed, s.max_abs), ref(p.x.size()), args(make_args(p, s.n_args, s.seed + 7)) {
        const double t0 = cpu_now();
        for (std::size_t k = 0; k < p.x.size(); ++k) s.reference(ref[k], p.x[k]);
        ref_cpu_seconds = cpu_now() - t0;
        std::printf("  %-14s reference: %zu pool points at %d bits, cpu=%.2fs\n", s.name.c_str(), p.x.size(),
                    static_cast<int>(ref_bits), ref_cpu_seconds);
    }
};

/// Runs op (a generic callable I -> I) for one variant over the shared arguments.
template <class V, class Op>
report run_unary(const unary_spec& s, const unary_data& d, Op op) {
    using I = typename V::type;
    std::optional<gancert::arith::precision_guard> guard;
    if (V::bits) guard.emplace(V::bits);
    report rep(variant_name<V>());
    const double t0 = cpu_now();
    for (const arg& a : d.args) {
        ++rep.args;
        I x = from_doubles<I>(d.p.x[a.i], d.p.x[a.j]);
        std::optional<I> r;
        try {
            r = op(x);
        } catch (const std::exception& e) {
            rep.violation(s.name + "([" + show(d.p.x[a.i]) + ", " + show(d.p.x[a.j]) + "]) threw: " + e.what());
            continue;
        }
        for (unsigned k = 0; k < a.n_samples; ++k) {
            std::size_t idx = a.samples[k];
            check_contains(rep, *r, d.ref[idx], [&] {
                return s.name + "([" + show(d.p.x[a.i]) + ", " + show(d.p.x[a.j]) + "]) at " + show(d.p.x[idx]);
            });
        }
        if (a.point()) check_tightness(rep, *r, s.tight, V::bits);
    }
    rep.cpu_seconds = cpu_now() - t0;
    return rep;
}

template <class... V, class Op>
std::vector<report> run_unary_all(const unary_spec& s, Op op) {
    unary_data d(s);
    return {run_unary<V>(s, d, op)...};
}

// ---- binary runs --------------------------------------------------------------------------
struct binary_spec {
    std::string name;
    std::size_t pool_size = 6000;
    std::size_t n_args = 100000;
    std::size_t chunk = 4000;
    std::uint64_t seed = 1;
    bool nonzero_divisor = false;  // skip sample points with y == 0 and divisor intervals [0, 0]
    std::function<void(enclosure&, double, double)> reference;
    tightness tight{};
};

struct binary_case {
    arg x, y;
    std::vector<std::pair<std::size_t, std::size_t>> samples;  // (x index, y index)
};

/// Runs op (a generic callable (I, I) -> I) for all variants V..., chunk by chunk so that the
/// reference values of a chunk are computed once and shared.
template <class... V, class Op>
std::vector<report> run_binary_all(const binary_spec& s, Op op) {
    pool px(domain::all, s.pool_size, s.seed), py(domain::all, s.pool_size, s.seed + 1);
    std::vector<arg> ax = make_args(px, s.n_args, s.seed + 2), ay = make_args(py, s.n_args, s.seed + 3);
    std::mt19937_64 rng(s.seed + 4);
    std::vector<report> reps{report{variant_name<V>()}...};
    std::vector<enclosure> refs;
    std::vector<binary_case> cases;
    for (std::size_t start = 0; start < s.n_args; start += s.chunk) {
        const std::size_t end = std::min(s.n_args, start + s.chunk);
        cases.clear();
        refs.clear();
        std::vector<std::size_t> ref_start;
        for (std::size_t k = start; k < end; ++k) {
            binary_case c{ax[k], ay[k], {}};
            if (s.nonzero_divisor && py.x[c.y.i] == 0 && py.x[c.y.j] == 0) continue;
            for (unsigned a : {0u, 1u})
                for (unsigned b : {0u, 1u}) c.samples.emplace_back(a ? c.x.j : c.x.i, b ? c.y.j : c.y.i);
            for (unsigned t = 2; t < std::max(c.x.n_samples, c.y.n_samples); ++t)
                c.samples.emplace_back(c.x.samples[t < c.x.n_samples ? t : rng() % c.x.n_samples],
                                       c.y.samples[t < c.y.n_samples ? t : rng() % c.y.n_samples]);
            if (s.nonzero_divisor)
                std::erase_if(c.samples, [&](const auto& q) { return py.x[q.second] == 0; });
            ref_start.push_back(refs.size());
            refs.resize(refs.size() + c.samples.size());
            for (std::size_t t = 0; t < c.samples.size(); ++t)
                s.reference(refs[ref_start.back() + t], px.x[c.samples[t].first], py.x[c.samples[t].second]);
            cases.push_back(std::move(c));
        }
        std::size_t vi = 0;
        (
            [&] {
                using I = typename V::type;
                std::optional<gancert::arith::precision_guard> guard;
                if (V::bits) guard.emplace(V::bits);
                report& rep = reps[vi++];
                const double t0 = cpu_now();
                for (std::size_t k = 0; k < cases.size(); ++k) {
                    const binary_case& c = cases[k];
                    ++rep.args;
                    I x = from_doubles<I>(px.x[c.x.i], px.x[c.x.j]);
                    I y = from_doubles<I>(py.x[c.y.i], py.x[c.y.j]);
                    auto describe_args = [&] {
                        return s.name + "([" + show(px.x[c.x.i]) + ", " + show(px.x[c.x.j]) + "], [" +
                               show(py.x[c.y.i]) + ", " + show(py.x[c.y.j]) + "])";
                    };
                    std::optional<I> r;
                    try {
                        r = op(x, y);
                    } catch (const std::exception& e) {
                        rep.violation(describe_args() + " threw: " + e.what());
                        continue;
                    }
                    for (std::size_t t = 0; t < c.samples.size(); ++t)
                        check_contains(rep, *r, refs[ref_start[k] + t], [&] {
                            return describe_args() + " at (" + show(px.x[c.samples[t].first]) + ", " +
                                   show(py.x[c.samples[t].second]) + ")";
                        });
                    if (c.x.point() && c.y.point()) check_tightness(rep, *r, s.tight, V::bits);
                }
                rep.cpu_seconds += cpu_now() - t0;
            }(),
            ...);
    }
    return reps;
}

}  // namespace harness
