#include "gancert/model/detail/tracked_special.hpp"

#include <cmath>

#include "gancert/special/owens_t.hpp"

namespace gancert::special {

using model::detail::tracked;

tracked owens_t(const tracked& h, const tracked& a) {
    const double t = owens_t(h.v, a.v);
    const double hh = std::fabs(h.v);
    const double dh = 0.5 * 0.3989422804014327 * std::exp(-0.5 * hh * hh);
    const double da = std::exp(-0.5 * hh * hh * (1 + a.v * a.v)) / (6.283185307179586 * (1 + a.v * a.v));
    return {t, dh * h.e + da * a.e + 32 * tracked::u * std::fabs(t)};
}

tracked owens_t_upper(const tracked& h_in, const tracked& a) {
    const tracked h = abs(h_in);
    const tracked inv_sqrt2(0.70710678118654752440, 0x1p-54);
    if (a.v > 1) {
        const tracked ah = a * h;
        return owens_t(ah, tracked(1) / a) - erfc(ah * inv_sqrt2) * erf(h * inv_sqrt2) / tracked(4);
    }
    return erfc(h * inv_sqrt2) / tracked(4) - owens_t(h, a);
}

std::optional<int> decided_sign(const tracked& x) {
    if (x.v == 0) return 0;
    if (x.v > 0) return 1;
    if (x.v < 0) return -1;
    return std::nullopt;
}

}  // namespace gancert::special
