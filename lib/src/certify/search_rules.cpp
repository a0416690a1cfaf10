#include "search_rules.hpp"

#include <algorithm>

namespace gancert::certify::detail {

std::vector<unsigned> precision_ladder(unsigned max_bits) {
    std::vector<unsigned> l{53};
    for (unsigned b = 128; b <= max_bits; b *= 2) l.push_back(b);
    return l;
}

unsigned split_dimension(const Box& B, const Box& root, const std::vector<unsigned>& dims) {
    if (dims.empty()) return B.widest_scaled_dim(root);
    unsigned best = dims[0];
    for (unsigned i : dims) {
        double wi = B.scaled_width(i, root), wb = B.scaled_width(best, root);
        if (wi > wb || (wi == wb && i < best)) best = i;
    }
    return best;
}

double width_floor(double min_width, const std::string& reason) {
    return reason.rfind("evaluation failed", 0) == 0 ? std::max(min_width, 1.0 / 256) : min_width;
}

bool beyond_unbounded_cap(const Box& B) {
    static const Decimal cap = Decimal::parse("1e30");
    if (B.bounded()) {  // a finite box: beyond the cap when one of its ranges lies at |x| >= 1e30
        for (std::size_t i = 0; i < B.dims(); ++i)
            if (B.lo[i] >= cap || B.hi[i] <= -cap) return true;
        return false;
    }
    for (std::size_t i = 0; i < B.dims(); ++i) {
        if (B.lo[i].is_finite() && B.hi[i].is_finite()) continue;
        const Decimal& e = B.lo[i].is_finite() ? B.lo[i] : B.hi[i];
        if (!e.is_finite() || (e.sign() < 0 ? -e : e) < cap) return false;
    }
    return true;
}

}  // namespace gancert::certify::detail
