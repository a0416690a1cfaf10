// Rigorous directed erfcx(x) = e^{x²} erfc(x) with MPFR. Lemma A1.3 (proofs/lemmas.md):
//  * |x| moderate: x² is computed exactly (2·prec(x) bits); e^{x²} and erfc(x) are both
//    positive, so the product of two lower (upper) bounds rounded down (up) is a lower
//    (upper) bound.
//  * x > 2^13: erfc(x) would underflow MPFR's default exponent range for larger x, so we use
//    the enveloping asymptotic series (A&S 7.1.23/7.1.24)
//      erfcx(x) = (1/(x√π)) [Σ_{n<N} (−1)^n (2n−1)!!/(2x²)^n + R_N],
//    where R_N has the sign (−1)^N and |R_N| <= (2N−1)!!/(2x²)^N for every N and real x > 0.
//    With N even, S_N <= S <= S_N + t_N.
#include <mpfr.h>

#include "gancert/arith/scoped_mpfr.hpp"

#include "gancert/arith/rounding.hpp"

namespace gancert::arith {
namespace {

using mp = scoped_mpfr;

void erfcx_asymptotic(mpfr_ptr out, mpfr_srcptr x, mpfr_rnd_t rnd) {
    const mpfr_prec_t q = mpfr_get_prec(out) + 32;
    mp yl(q), yu(q), tl(q), tu(q), even_l(q), even_u(q), odd_l(q), odd_u(q), s(q), d(q);
    // y = 1/(2x²) bracketed by [yl, yu].
    mpfr_sqr(d, x, MPFR_RNDU);
    mpfr_mul_2ui(d, d, 1, MPFR_RNDU);
    mpfr_ui_div(yl, 1, d, MPFR_RNDD);
    mpfr_sqr(d, x, MPFR_RNDD);
    mpfr_mul_2ui(d, d, 1, MPFR_RNDD);
    mpfr_ui_div(yu, 1, d, MPFR_RNDU);
    mpfr_set_ui(tl, 1, MPFR_RNDN);
    mpfr_set_ui(tu, 1, MPFR_RNDN);
    mpfr_set_ui(even_l, 1, MPFR_RNDN);  // Σ of even-index terms (lower/upper)
    mpfr_set_ui(even_u, 1, MPFR_RNDN);
    mpfr_set_zero(odd_l, 1);  // Σ of odd-index terms
    mpfr_set_zero(odd_u, 1);
    for (unsigned long n = 1;; ++n) {
        mpfr_mul_ui(tl, tl, 2 * n - 1, MPFR_RNDD);
        mpfr_mul(tl, tl, yl, MPFR_RNDD);
        mpfr_mul_ui(tu, tu, 2 * n - 1, MPFR_RNDU);
        mpfr_mul(tu, tu, yu, MPFR_RNDU);
        // Stop at an even N = n once t_N is negligible: then S ∈ [S_N, S_N + t_N].
        if (n % 2 == 0 && mpfr_get_exp(tu) < -static_cast<mpfr_exp_t>(q)) {
            if (rnd == MPFR_RNDD) {
                mpfr_sub(s, even_l, odd_u, MPFR_RNDD);
            } else {
                mpfr_add(s, even_u, tu, MPFR_RNDU);
                mpfr_sub(s, s, odd_l, MPFR_RNDU);
            }
            break;
        }
        if (n % 2 == 1) {
            mpfr_add(odd_l, odd_l, tl, MPFR_RNDD);
            mpfr_add(odd_u, odd_u, tu, MPFR_RNDU);
        } else {
            mpfr_add(even_l, even_l, tl, MPFR_RNDD);
            mpfr_add(even_u, even_u, tu, MPFR_RNDU);
        }
    }
    // Divide by x√π, the denominator rounded against the result's direction (s > 0).
    const mpfr_rnd_t against = rnd == MPFR_RNDD ? MPFR_RNDU : MPFR_RNDD;
    mpfr_const_pi(d, against);
    mpfr_sqrt(d, d, against);
    mpfr_mul(d, d, x, against);
    mpfr_div(out, s, d, rnd);
}

}  // namespace

void erfcx_directed(mpfr_ptr out, mpfr_srcptr x, mpfr_rnd_t rnd) {
    if (mpfr_nan_p(x)) {
        mpfr_set_nan(out);
        return;
    }
    if (mpfr_inf_p(x)) {
        if (mpfr_sgn(x) > 0)
            mpfr_set_zero(out, 1);
        else
            mpfr_set_inf(out, 1);
        return;
    }
    if (mpfr_cmp_ui(x, 1ul << 13) > 0) {
        erfcx_asymptotic(out, x, rnd);
        return;
    }
    const mpfr_prec_t q = mpfr_get_prec(out) + 32;
    mp sq(2 * mpfr_get_prec(x)), e(q), c(q);
    mpfr_sqr(sq, x, MPFR_RNDN);  // exact: 2·prec(x) bits hold the square
    mpfr_exp(e, sq, rnd);        // overflow: RNDD gives the largest finite value, RNDU +∞
    mpfr_erfc(c, x, rnd);        // no underflow for x <= 2^13 in MPFR's exponent range
    mpfr_mul(out, e, c, rnd);
}

}  // namespace gancert::arith
