// Fast rigorous double kernels (double_kernels.hpp); every step cites lemma A1.6 of
// proofs/lemmas.md (its parts a–e) or A1.1 (the directed operations of rounding<double>).
#include "double_kernels.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "gancert/arith/constants.hpp"
#include "gancert/arith/detail/planted_faults.hpp"
#include "gancert/arith/functions.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/arith/scalar.hpp"

namespace gancert::arith::fast {
namespace {

using R = rounding<double>;
constexpr int max_terms = 24;
constexpr unsigned table_bits = 320;  // precision of the start-up enclosures (interval MPFR)

// ---- A1.6 (a): a polynomial with a proven error bound ------------------------------------
// f(x0 + t) = c0 + c1·t + t²·Q(t) with Q(t) ∈ Q̂(t) + [−eps, eps] for |t| <= h, where Q̂ is
// Horner in double over q[0..n−2] (≈ c2..cn) and eps bounds (i) Horner's rounding errors,
// (ii) the coefficients' rounding to double and (iii) the truncated Taylor tail (over h²).
// c0 and c1 are kept as double + enclosed remainder; c1·t is formed exactly (FMA residual).
struct Poly {
    double x0 = 0;
    double c0 = 0, c0_lo = 0, c0_hi = 0;  // f(x0) ∈ c0 + [c0_lo, c0_hi]
    double c1 = 0, c1_lo = 0, c1_hi = 0;  // f'(x0) ∈ c1 + [c1_lo, c1_hi]
    double eps = 0;
    int n = 0;                            // degree
    std::array<double, max_terms> q{};
};

/// A value in the form hi + [lo, up] (exact reals), possibly scaled by 2^e.
struct sum {
    double hi, lo, up;
    int e = 0;
};

// Directed sums that keep an exact zero term exact (A1.1 would widen sums in the subnormal range).
double add_dn(double x, double y) { return x == 0 ? y : (y == 0 ? x : R().add_down(x, y)); }
double add_upw(double x, double y) { return x == 0 ? y : (y == 0 ? x : R().add_up(x, y)); }

sum eval(const Poly& p, double t) {
    int n = p.n;
    double eps = p.eps;
    if (detail::planted_faults().fast_truncated) {  // canary only: a broken bound
        n = n > 5 ? n - 3 : 2;
        eps = 0;
    }
    double Q = p.q[static_cast<std::size_t>(n - 2)];
    for (int i = n - 3; i >= 0; --i) Q = Q * t + p.q[static_cast<std::size_t>(i)];  // no contraction
    R r;
    const double a = r.sub_down(Q, eps), b = r.add_up(Q, eps);  // Q(t) ∈ [a, b]
    const double tl = r.mul_down(t, t), tu = r.mul_up(t, t);     // t² ∈ [tl, tu], tl >= 0
    double lo = a >= 0 ? r.mul_down(tl, a) : r.mul_down(tu, a);  // t²·Q(t) ∈ [lo, up]
    double up = b >= 0 ? r.mul_up(tu, b) : r.mul_up(tl, b);
    // c1·t = P + e exactly (A1.1), or directed bounds of it where the residual is unreliable
    const double P = p.c1 * t;
    double el, eu;
    if (t == 0 || R::residual_reliable(P)) {  // (P = 0 from an underflow takes the directed branch)
        el = eu = std::fma(p.c1, t, -P);
    } else {
        el = r.sub_down(r.mul_down(p.c1, t), P);
        eu = r.sub_up(r.mul_up(p.c1, t), P);
    }
    lo = add_dn(add_dn(lo, el), t >= 0 ? r.mul_down(t, p.c1_lo) : r.mul_down(t, p.c1_hi));
    up = add_upw(add_upw(up, eu), t >= 0 ? r.mul_up(t, p.c1_hi) : r.mul_up(t, p.c1_lo));
    return {p.c0, add_dn(P, add_dn(p.c0_lo, lo)), add_upw(P, add_upw(p.c0_hi, up))};
}

/// Closes a sum: [RD(hi + lo)·2^e, RU(hi + up)·2^e] for a positive value; false if the scaled
/// ends would leave the normal range (then the scaling would not be exact).
bool close_positive(const sum& s, double& lo, double& hi) {
    const double l = add_dn(s.hi, s.lo), u = add_upw(s.hi, s.up);
    if (!(l > 0) || !std::isfinite(u)) return false;
    if (std::ilogb(l) + s.e < -1022 || std::ilogb(u) + s.e > 1022) return false;
    lo = std::ldexp(l, s.e);
    hi = std::ldexp(u, s.e);
    return true;
}

// ---- start-up enclosures (interval MPFR at table_bits) ------------------------------------
impfr point(double v) {
    mpfr m = fresh_mpfr();
    mpfr_set_d(raw(m), v, MPFR_RNDN);  // exact
    return impfr(m);
}
double down(const mpfr& v) { return mpfr_get_d(raw(v), MPFR_RNDD); }
double up(const mpfr& v) { return mpfr_get_d(raw(v), MPFR_RNDU); }

/// hi = RN(mid), [lo, up] ∋ v − hi (directed).
void split(const impfr& v, double& hi, double& lo, double& upb) {
    hi = to_double(v);
    const impfr d = v - point(hi);
    lo = down(d.lower());
    upb = up(d.upper());
}

/// Poly from enclosures c[0..n] of the Taylor coefficients of f at x0 (c.size() > n, n >= 2)
/// and tail_q >= sup_{|t|<=h} |Σ_{j>n} c_j t^{j−1}| (A1.6 a).
Poly make_poly(double x0, const std::vector<impfr>& c, int n, double h, const impfr& tail_q) {
    Poly p;
    p.x0 = x0;
    p.n = n;
    split(c[0], p.c0, p.c0_lo, p.c0_hi);
    split(c[1], p.c1, p.c1_lo, p.c1_hi);
    const impfr u = point(0x1p-53), H = point(h), one = integer<impfr>(1);
    impfr err = tail_q / H, hp = one;  // Σ_{j>n} |c_j| |t|^{j−2} <= tail_q / h
    for (int i = 0; i + 2 <= n; ++i) {
        const std::size_t ci = static_cast<std::size_t>(i) + 2;
        p.q[static_cast<std::size_t>(i)] = to_double(c[ci]);
        const impfr qi = point(p.q[static_cast<std::size_t>(i)]);
        const impfr delta(mpfr(0), mag(impfr(c[ci] - qi)));
        const impfr k = integer<impfr>(2 * i + 1);
        const impfr gamma = k * u / (one - k * u);
        err = err + (gamma * abs(qi) + delta) * hp;
        hp = hp * H;
    }
    err = err + integer<impfr>(n) * point(0x1p-1074);  // underflow, (A1.6 a)
    p.eps = up(err.upper());
    return p;
}

/// Cells of width 1/w_inv centred at k/w_inv, k_min <= k <= k_max, radius h = 1/(2 w_inv).
struct Cells {
    double w_inv = 1, h = 0;
    int k_min = 0, k_max = -1;
    std::vector<Poly> cell;
    const Poly* at(double x) const {
        const double kd = std::nearbyint(x * w_inv);  // x·w_inv exact (power of two)
        if (!(kd >= k_min && kd <= k_max)) return nullptr;
        return &cell[static_cast<std::size_t>(static_cast<int>(kd) - k_min)];
    }
};

/// Taylor coefficients c[0..max_terms] and the Cauchy majorant M(x0, R) >= max_{|z−x0|=R} |f(z)|
/// give a cell: for the R in the candidate list with the fewest terms, n is the least degree with
/// M (h/R)^{n+1}/(1 − h/R) <= 2^−64 (|c0| + h|c1|) (at most max_terms), A1.6 (a).
template <class Coeffs, class Majorant>
Cells build_cells(double w_inv, int k_min, int k_max, Coeffs coeffs, Majorant M) {
    detail::planted_fault_scope honest({});  // the tables are built once: never from a planted fault
    precision_guard g(table_bits);
    Cells T;
    T.w_inv = w_inv;
    T.h = 0.5 / w_inv;
    T.k_min = k_min;
    T.k_max = k_max;
    const impfr one = integer<impfr>(1);
    for (int k = k_min; k <= k_max; ++k) {
        const double x0 = k / w_inv;
        const std::vector<impfr> c = coeffs(point(x0));
        const double target = 0x1p-64 * (std::fabs(to_double(c[0])) + T.h * std::fabs(to_double(c[1])));
        int best_n = max_terms + 1;
        double best_R = 4;
        for (double Rc : {0.25, 0.5, 1.0, 2.0, 3.0, 4.0}) {
            const double ratio = T.h / Rc;
            if (ratio >= 0.5) continue;
            const double Md = up(M(x0, Rc).upper());
            double b = Md * ratio / (1 - ratio);
            for (int n = 1; n <= max_terms; ++n) {
                b *= ratio;  // M ratio^{n+1}/(1 − ratio)
                if (b <= target && n >= 2) {
                    if (n < best_n) {
                        best_n = n;
                        best_R = Rc;
                    }
                    break;
                }
            }
        }
        const int n = best_n > max_terms ? max_terms : best_n;
        const impfr ratio = point(T.h) / point(best_R);
        const impfr rho = impfr(mpfr(0), M(x0, best_R).upper()) * pow(ratio, n + 1) / (one - ratio);
        T.cell.push_back(make_poly(x0, c, n, T.h, rho / point(T.h)));
    }
    return T;
}

impfr two_over_sqrt_pi() { return integer<impfr>(2) / sqrt_pi<impfr>(); }

// A1.6 (c): erfcx' = 2x erfcx − 2/√π, so (m+1)c_{m+1} = 2x0 c_m + 2c_{m−1} (c_1 = 2x0c0 − 2/√π).
std::vector<impfr> erfcx_coeffs(const impfr& x0) {
    std::vector<impfr> c(max_terms + 1);
    c[0] = erfcx(x0);
    c[1] = integer<impfr>(2) * x0 * c[0] - two_over_sqrt_pi();
    for (int m = 1; m < max_terms; ++m)
        c[static_cast<std::size_t>(m) + 1] =
            (integer<impfr>(2) * x0 * c[static_cast<std::size_t>(m)] + integer<impfr>(2) * c[static_cast<std::size_t>(m) - 1]) /
            integer<impfr>(m + 1);
    return c;
}
// |erfcx(z)| <= erfcx(Re z) <= erfcx(x0 − R) on the circle (A1.6 c).
impfr erfcx_majorant(double x0, double Rc) { return erfcx(point(x0) - point(Rc)); }

// A1.6 (d): erf' = g = (2/√π)e^{−x²}, g' = −2x g: (m+1)g_{m+1} = −2x0 g_m − 2g_{m−1}; c_{m+1} = g_m/(m+1).
std::vector<impfr> erf_coeffs(const impfr& x0) {
    std::vector<impfr> c(max_terms + 1), gm(max_terms + 1);
    c[0] = erf(x0);
    gm[0] = two_over_sqrt_pi() * exp(-square(x0));
    gm[1] = integer<impfr>(-2) * x0 * gm[0];
    for (int m = 1; m + 1 < max_terms; ++m)
        gm[static_cast<std::size_t>(m) + 1] =
            (integer<impfr>(-2) * x0 * gm[static_cast<std::size_t>(m)] - integer<impfr>(2) * gm[static_cast<std::size_t>(m) - 1]) /
            integer<impfr>(m + 1);
    for (int m = 0; m < max_terms; ++m)
        c[static_cast<std::size_t>(m) + 1] = gm[static_cast<std::size_t>(m)] / integer<impfr>(m + 1);
    return c;
}
// |erf(u + iv)| <= 1 + (2/√π)|v|e^{v²} <= 1 + (2/√π) R e^{R²} on the circle (A1.6 d).
impfr erf_majorant(double, double Rc) {
    const impfr r = point(Rc);
    return integer<impfr>(1) + two_over_sqrt_pi() * r * exp(square(r));
}

const Cells& erf_cells() {
    static const Cells T = build_cells(16, 0, 32, erf_coeffs, erf_majorant);  // [−1/32, 2 + 1/32]
    return T;
}
const Cells& erfcx_cells() {
    static const Cells T = build_cells(8, -2, 256, erfcx_coeffs, erfcx_majorant);  // [−5/16, 32 + 1/16]
    return T;
}

// ---- A1.6 (b): exp ---------------------------------------------------------------------------
struct ExpTable {
    double L1 = 0, Lr_lo = 0, Lr_hi = 0, inv_L = 0;  // L = ln2/64 = L1 + Lr, L1 with 36 bits
    double rho = 0x1.7p-8;                          // |r̂| <= rho > L/2 (checked per call)
    std::array<double, 64> T{}, T_lo{}, T_up{};     // 2^{j/64} ∈ T + [T_lo, T_up]
    Poly poly;                                      // (e^r − 1)/r about 0
};

ExpTable build_exp() {
    detail::planted_fault_scope honest({});
    precision_guard g(table_bits);
    ExpTable E;
    const impfr L = ln2<impfr>() / integer<impfr>(64);
    {
        const mpfr mid = midpoint(L);
        mpfr_t l1;
        mpfr_init2(l1, 36);
        mpfr_set(l1, raw(mid), MPFR_RNDN);
        E.L1 = mpfr_get_d(l1, MPFR_RNDN);  // exact: 36 bits
        mpfr_clear(l1);
    }
    const impfr Lr = L - point(E.L1);
    E.Lr_lo = down(Lr.lower());
    E.Lr_hi = up(Lr.upper());
    E.inv_L = to_double(integer<impfr>(1) / L);
    for (int j = 0; j < 64; ++j) split(exp(integer<impfr>(j) * L), E.T[static_cast<std::size_t>(j)],
                                       E.T_lo[static_cast<std::size_t>(j)], E.T_up[static_cast<std::size_t>(j)]);
    constexpr int n = 6;
    std::vector<impfr> c(n + 2);
    c[0] = integer<impfr>(1);
    for (int i = 1; i <= n + 1; ++i) c[static_cast<std::size_t>(i)] = c[static_cast<std::size_t>(i) - 1] / integer<impfr>(i);
    // Σ_{i>n} |r|^{i−1}/i! <= rho^n/(n+1)! · 1/(1 − rho/(n+2))
    const impfr rho = point(E.rho);
    const impfr tail = pow(rho, n) * c[n + 1] / (integer<impfr>(1) - rho / integer<impfr>(n + 2));
    E.poly = make_poly(0, c, n, E.rho, tail);  // c0 = c1 = 1 exactly
    return E;
}

const ExpTable& exp_table() {
    static const ExpTable E = build_exp();
    return E;
}

/// e^{xh + xl} ∈ 2^e (hi + [lo, up]) for doubles xh, xl with |xl| <= 2^−40 (A1.6 b).
bool exp_sum(double xh, double xl, sum& out) {
    const ExpTable& E = exp_table();
    if (!(std::fabs(xh) <= 745.0) || !(std::fabs(xl) <= 0x1p-40)) return false;
    const double kd = std::nearbyint(xh * E.inv_L);
    const double kl1 = kd * E.L1;  // exact: |k| < 2^17, L1 has 36 bits
    const double r1 = xh - kl1;    // exact by Sterbenz (checked)
    if (R::two_sum_err(xh, -kl1, r1) != 0) return false;
    R r;
    // k·Lr ∈ [a, b]
    const double a = kd >= 0 ? r.mul_down(kd, E.Lr_lo) : r.mul_down(kd, E.Lr_hi);
    const double b = kd >= 0 ? r.mul_up(kd, E.Lr_hi) : r.mul_up(kd, E.Lr_lo);
    const double rh = r1 + (xl - kd * E.Lr_lo);  // r̂: any double near r = r1 + xl − k·Lr
    // D = r − r̂ ∈ [dlo, dhi]
    const double dlo = r.sub_down(r.add_down(r.sub_down(r1, rh), xl), b);
    const double dhi = r.sub_up(r.add_up(r.sub_up(r1, rh), xl), a);
    if (!(std::fabs(rh) <= E.rho) || !(std::fabs(dlo) <= 0x1p-40) || !(std::fabs(dhi) <= 0x1p-40)) return false;
    const sum s = eval(E.poly, rh);                       // e^{r̂} ∈ 1 + [s.lo, s.up]
    const idouble A(s.lo, s.up);
    const idouble B(dlo, r.add_up(dhi, r.mul_up(dhi, dhi)));  // e^D ∈ 1 + B (|D| <= 1)
    const idouble C = A + B + A * B;
    const long k = static_cast<long>(kd);
    const std::size_t j = static_cast<std::size_t>(k & 63);
    const idouble Tl(E.T_lo[j], E.T_up[j]);
    const idouble T(r.add_down(E.T[j], E.T_lo[j]), r.add_up(E.T[j], E.T_up[j]));
    const idouble S = Tl + T * C;
    out = {E.T[j], S.lower(), S.upper(), static_cast<int>(k >> 6)};
    return true;
}

// ---- A1.6 (e): erf, erfc, erfcx ----------------------------------------------------------------
bool erfcx_cell(double x, sum& out) {
    const Poly* p = erfcx_cells().at(x);
    if (!p) return false;
    const double t = x - p->x0;  // exact by Sterbenz (checked)
    if (R::two_sum_err(x, -p->x0, t) != 0 || !(std::fabs(t) <= erfcx_cells().h)) return false;
    out = eval(*p, t);
    return true;
}

bool erf_pos(double x, double& lo, double& hi);

/// erfc(x) = e^{−x²} erfcx(x) for 1/4 <= x <= 26.5, x² = s + s' exactly (FMA).
bool erfc_product(double x, double& lo, double& hi) {
    const double s = x * x, s2 = std::fma(x, x, -s);
    sum E, C;
    if (!exp_sum(-s, -s2, E) || !erfcx_cell(x, C)) return false;
    const double P = E.hi * C.hi, e = std::fma(E.hi, C.hi, -P);  // exact: P >= 2^−960
    const idouble Es(E.lo, E.up), Cs(C.lo, C.up);
    const idouble small = idouble(e) + E.hi * Cs + Es * C.hi + Es * Cs;
    return close_positive({P, small.lower(), small.upper(), E.e}, lo, hi);
}

bool erfc_bounds(double x, double& lo, double& hi) {
    R r;
    if (!(x <= 26.5) || !(x > -std::numeric_limits<double>::infinity())) return false;
    if (x >= 0.25) return erfc_product(x, lo, hi);
    if (x > -0.25) {  // 1 − erf(x)
        double l, h;
        if (x >= 0) {
            if (!erf_pos(x, l, h)) return false;
        } else {
            if (!erf_pos(-x, l, h)) return false;
            const double t = l;
            l = -h;
            h = -t;
        }
        lo = r.sub_down(1, h);
        hi = r.sub_up(1, l);
        return true;
    }
    if (x > -6) {  // 2 − erfc(−x)
        double l, h;
        if (!erfc_product(-x, l, h)) return false;
        lo = r.sub_down(2, h);
        hi = r.sub_up(2, l);
        return true;
    }
    lo = 2 - 0x1p-52;  // 0 < erfc(−x) <= erfc(6) < 2^−52
    hi = 2;
    return true;
}

/// erf(x) for x >= 0.
bool erf_pos(double x, double& lo, double& hi) {
    R r;
    if (x <= 2) {
        const Poly* p = erf_cells().at(x);
        if (!p) return false;
        const double t = x - p->x0;
        if (R::two_sum_err(x, -p->x0, t) != 0 || !(std::fabs(t) <= erf_cells().h)) return false;
        const sum s = eval(*p, t);
        lo = add_dn(s.hi, s.lo);
        hi = add_upw(s.hi, s.up);
        return true;
    }
    if (x < 6) {
        double l, h;
        if (!erfc_product(x, l, h)) return false;
        lo = r.sub_down(1, h);
        hi = r.sub_up(1, l);
        return true;
    }
    if (!(x < std::numeric_limits<double>::infinity())) return false;
    lo = 1 - 0x1p-53;  // 0 < erfc(x) <= erfc(6) < 2^−53
    hi = 1;
    return true;
}

bool erf_bounds(double x, double& lo, double& hi) {
    if (!(x >= 0)) {
        if (!(x < 0)) return false;  // NaN
        double l, h;
        if (!erf_pos(-x, l, h)) return false;
        lo = -h;
        hi = -l;
        return true;
    }
    return erf_pos(x, lo, hi);
}

bool erfcx_bounds(double x, double& lo, double& hi) {
    if (!(x <= 32) || !(x >= -26)) return false;
    sum C;
    if (x >= -0.25) {
        if (!erfcx_cell(x, C)) return false;
        return close_positive(C, lo, hi);
    }
    // 2e^{x²} − erfcx(−x), x² = s + s'
    const double s = x * x, s2 = std::fma(x, x, -s);
    sum E;
    if (!exp_sum(s, s2, E) || !erfcx_cell(-x, C)) return false;
    if (std::ilogb(E.hi) + E.e + 1 > 1021) return false;
    const double p2 = std::ldexp(1.0, E.e + 1);  // exact power of two
    R r;
    const double W = E.hi * p2;                  // exact
    const idouble Ws(r.mul_down(E.lo, p2), r.mul_up(E.up, p2));
    const idouble small = Ws - C.hi - idouble(C.lo, C.up);
    return close_positive({W, small.lower(), small.upper(), 0}, lo, hi);
}

bool exp_bounds(double x, double& lo, double& hi) {
    if (x == 0) {
        lo = hi = 1;
        return true;
    }
    sum E;
    return exp_sum(x, 0, E) && close_positive(E, lo, hi);
}

}  // namespace

bool bounds(ball::fn f, double x, double& lo, double& hi) {
    if (detail::planted_faults().fast_kernels_off) return false;
    switch (f) {
        case ball::fn::exp: return exp_bounds(x, lo, hi);
        case ball::fn::erf: return erf_bounds(x, lo, hi);
        case ball::fn::erfc: return erfc_bounds(x, lo, hi);
        case ball::fn::erfcx: return erfcx_bounds(x, lo, hi);
        default: return false;
    }
}

}  // namespace gancert::arith::fast
