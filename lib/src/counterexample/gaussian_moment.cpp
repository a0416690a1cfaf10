// M(s) = E e^{−sL²}; proofs/lemmas.md X.2.
#include "gancert/counterexample/gaussian_moment.hpp"

namespace gancert::counterexample {
using arith::impfr;
using arith::integer;

impfr gaussian_erfcx_factor(const impfr& s, const impfr& rs, const impfr& mu, const impfr& lambda,
                        int sigma) {
    const impfr sig = integer<impfr>(sigma);
    const impfr t = sig * rs * mu + lambda / (integer<impfr>(2) * rs);
    const impfr gauss = arith::exp(-(s * arith::square(mu)));
    if (t.upper() < -1) {
        // erfcx(t) = 2 e^{t²} − erfcx(−t) and t² − sμ² = σλμ + λ²/(4s) exactly.
        const impfr grow = arith::exp(sig * lambda * mu + arith::square(lambda) / (integer<impfr>(4) * s));
        return integer<impfr>(2) * grow - gauss * arith::erfcx(-t);
    }
    return gauss * arith::erfcx(t);
}

impfr gaussian_moment(const LineLaw<impfr>& law, const impfr& s) {
    const impfr rs = arith::sqrt(s);
    const impfr e1 = gaussian_erfcx_factor(s, rs, law.mu, law.lambda1, +1);
    const impfr e2 = gaussian_erfcx_factor(s, rs, law.mu, law.lambda2, -1);
    return law.density_max() * arith::sqrt_pi<impfr>() / (integer<impfr>(2) * rs) * (e1 + e2);
}

impfr laplace_gaussian_moment(const impfr& s) {
    const impfr two_rs = integer<impfr>(2) * arith::sqrt(s);
    return arith::sqrt_pi<impfr>() / two_rs * arith::erfcx(integer<impfr>(1) / two_rs);
}

impfr ls_cost_of_line_discriminator(const LineLaw<impfr>& law, const impfr& k) {
    const impfr s = arith::square(k);
    return integer<impfr>(2) - integer<impfr>(2) * gaussian_moment(law, s) +
           gaussian_moment(law, integer<impfr>(2) * s);
}

}  // namespace gancert::counterexample
