#include "gancert/certify/decimal_number.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <stdexcept>

#include "gancert/arith/decimal.hpp"

namespace gancert::certify {

Decimal::Int Decimal::pow10(unsigned k) {
    Int r = 1;
    for (unsigned i = 0; i < k; ++i) r *= 10;
    return r;
}

void Decimal::normalise() {
    if (mant_ == 0) { exp_ = 0; return; }
    // Trailing zeros removed 16 at a time first: a bound like 1e308 written out in full would
    // otherwise cost hundreds of big-integer divisions per endpoint (issue 15: reading a
    // certificate of b in [-1e308, 0] took longer than its whole time budget).
    static const Int ten16(10000000000000000ULL);
    while (mant_ % ten16 == 0) { mant_ /= ten16; exp_ += 16; }
    while (mant_ % 10 == 0) { mant_ /= 10; ++exp_; }
}

Decimal Decimal::parse(std::string_view s, std::string_view what) {
    if (!arith::is_decimal(s)) {
        throw arith::named_error(what, "'" + std::string(s) + "' is not a finite decimal number");
    }
    std::size_t i = 0;
    bool neg = false;
    if (s[i] == '+' || s[i] == '-') neg = s[i++] == '-';
    std::string digits;
    int exp = 0;
    bool frac = false;
    for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
        if (s[i] == '.') { frac = true; continue; }
        digits.push_back(s[i]);
        if (frac) --exp;
    }
    if (i < s.size()) {
        long e = std::strtol(std::string(s.substr(i + 1)).c_str(), nullptr, 10);
        if (e > 100000 || e < -100000) {
            throw arith::named_error(what, "'" + std::string(s) + "' has an exponent out of range");
        }
        exp += static_cast<int>(e);
    }
    std::size_t nz = digits.find_first_not_of('0');  // no leading zeros: Boost reads them as octal
    digits = nz == std::string::npos ? "0" : digits.substr(nz);
    if (digits != "0") {  // trailing zeros go to the exponent before the big integer is built
        std::size_t last = digits.find_last_not_of('0');
        exp += static_cast<int>(digits.size() - 1 - last);
        digits.resize(last + 1);
    }
    Decimal r;
    r.mant_ = Int(digits);
    if (neg) r.mant_ = -r.mant_;
    r.exp_ = exp;
    r.normalise();
    return r;
}

Decimal Decimal::parse_extended(std::string_view s, std::string_view what) {
    std::string t(s);
    for (auto& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    int sg = 1;
    std::string_view body(t);
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        sg = body[0] == '-' ? -1 : 1;
        body.remove_prefix(1);
    }
    if (body == "inf" || body == "infinity") return infinity(sg);
    return parse(s, what);
}

std::string Decimal::str() const {
    if (inf_) return inf_ > 0 ? "inf" : "-inf";
    if (mant_ == 0) return "0";
    bool neg = mant_ < 0;
    std::string d = (neg ? Int(-mant_) : mant_).str();
    std::string out;
    if (exp_ >= 0) {
        out = d + std::string(static_cast<std::size_t>(exp_), '0');
    } else {
        std::size_t fr = static_cast<std::size_t>(-exp_);
        if (d.size() <= fr) d = std::string(fr - d.size() + 1, '0') + d;
        out = d.substr(0, d.size() - fr) + "." + d.substr(d.size() - fr);
    }
    return neg ? "-" + out : out;
}

double Decimal::approx() const {
    if (inf_) return inf_ * HUGE_VAL;
    return std::strtod(str().c_str(), nullptr);
}

void Decimal::align(const Decimal& x, const Decimal& y, Int& mx, Int& my, int& e) {
    e = std::min(x.exp_, y.exp_);
    mx = x.mant_ * pow10(static_cast<unsigned>(x.exp_ - e));
    my = y.mant_ * pow10(static_cast<unsigned>(y.exp_ - e));
}

Decimal operator+(const Decimal& x, const Decimal& y) {
    if (x.inf_ || y.inf_) {
        if (x.inf_ && y.inf_ && x.inf_ != y.inf_) throw std::domain_error("Decimal: inf - inf");
        return Decimal::infinity(x.inf_ ? x.inf_ : y.inf_);
    }
    Decimal r;
    Decimal::Int mx, my;
    Decimal::align(x, y, mx, my, r.exp_);
    r.mant_ = mx + my;
    r.normalise();
    return r;
}
Decimal operator-(const Decimal& x, const Decimal& y) { return x + (-y); }
Decimal operator*(const Decimal& x, const Decimal& y) {
    if (x.inf_ || y.inf_) {
        if (x.sign() == 0 || y.sign() == 0) throw std::domain_error("Decimal: 0 * inf");
        return Decimal::infinity(x.sign() * y.sign());
    }
    Decimal r;
    r.mant_ = x.mant_ * y.mant_;
    r.exp_ = x.exp_ + y.exp_;
    r.normalise();
    return r;
}
Decimal Decimal::half() const {
    if (inf_) return *this;
    Decimal r;
    r.mant_ = mant_ * 5;
    r.exp_ = exp_ - 1;
    r.normalise();
    return r;
}
int compare(const Decimal& x, const Decimal& y) {
    if (x.inf_ || y.inf_) return x.inf_ == y.inf_ ? 0 : (x.inf_ < y.inf_ ? -1 : 1);
    Decimal::Int mx, my;
    int e;
    Decimal::align(x, y, mx, my, e);
    return mx < my ? -1 : (mx > my ? 1 : 0);
}
int Decimal::order_of_magnitude() const {
    if (inf_) throw std::domain_error("order_of_magnitude of inf");
    if (mant_ == 0) throw std::domain_error("order_of_magnitude of 0");
    std::string d = (mant_ < 0 ? Int(-mant_) : mant_).str();
    return static_cast<int>(d.size()) - 1 + exp_;
}
Decimal Decimal::floor_to_power(int k) const {
    if (inf_ || exp_ >= k) return *this;
    Int scale = pow10(static_cast<unsigned>(k - exp_));
    Int q = mant_ / scale;  // truncates toward zero
    if (mant_ < 0 && q * scale != mant_) q -= 1;
    Decimal r;
    r.mant_ = q;
    r.exp_ = k;
    r.normalise();
    return r;
}

Decimal split_point(const Decimal& lo, const Decimal& hi) {
    if (!(lo < hi)) throw std::domain_error("split_point: empty interval");
    if (!lo.is_finite() || !hi.is_finite()) {
        const Decimal zero(0), one(1);
        if (lo < zero && zero < hi) return zero;
        auto outward = [&](const Decimal& e) {  // max(2|e|, 1)
            Decimal m = e.sign() < 0 ? -e : e;
            Decimal d = m + m;
            return d < one ? one : d;
        };
        return hi.is_finite() ? -outward(hi) : outward(lo);
    }
    Decimal w = hi - lo;
    if (w.sign() <= 0) throw std::domain_error("split_point: empty interval");
    int k = w.order_of_magnitude() - 2;  // 10^k <= w/100
    static const Decimal frac = Decimal::parse("0.49609375");  // 127/256
    Decimal s = (lo + w * frac).floor_to_power(k);
    if (!(lo < s && s < hi)) throw std::logic_error("split_point: not interior");
    return s;
}

}  // namespace gancert::certify
