// The nodes and the exponential envelope of the Darboux enclosures (darboux_bounds.hpp, lemma K9).
#include "darboux_bounds.hpp"

#include <cmath>

namespace gancert::certify::detail {

const std::vector<double>& darboux_nodes() {
    static const std::vector<double> nodes = [] {
        std::vector<double> u{0.0};
        // geometric above 2^{−6} with ratio 6/5 (the leaf's own width in t, not the node
        // width, is what limits the enclosure in practice)
        for (double x = 1.0 / 64; x < 1024; x *= 1.2) u.push_back(x);
        u.push_back(1024.0);
        return u;
    }();
    return nodes;
}

double exp_neg_upper(double y) {
    if (!(y > 0)) return 1.0;  // e^{−y} ≤ 1 for y ≥ 0 (and NaN: no bound claimed below 1)
    // y·log2(e) rounded to nearest is within a relative 2^{−52} of the exact product; shrinking
    // by 2^{−40} makes it a lower bound, and one more unit covers the floor
    double k = std::floor(y * 1.4426950408889634 * (1 - 0x1p-40)) - 1;
    if (k <= 0) return 1.0;
    if (k > 1074) return 0x1p-1074;  // the smallest positive double still bounds e^{−y} from above
    return std::ldexp(1.0, -static_cast<int>(k));
}

}  // namespace gancert::certify::detail
