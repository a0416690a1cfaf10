#include "gancert/certify/decimal_number.hpp"

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
    while (mant_ % 10 == 0) { mant_ /= 10; ++exp_; }
}

Decimal Decimal::parse(std::string_view s, std::string_view what) {
    if (!arith::is_decimal(s)) {
        std::string msg(what);
        msg.append(": '").append(s).append("' is not a finite decimal number");
        throw arith::bad_input(msg);
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
            std::string msg(what);
            msg.append(": '").append(s).append("' has an exponent out of range");
            throw arith::bad_input(msg);
        }
        exp += static_cast<int>(e);
    }
    std::size_t nz = digits.find_first_not_of('0');  // no leading zeros: Boost reads them as octal
    digits = nz == std::string::npos ? "0" : digits.substr(nz);
    Decimal r;
    r.mant_ = Int(digits);
    if (neg) r.mant_ = -r.mant_;
    r.exp_ = exp;
    r.normalise();
    return r;
}

std::string Decimal::str() const {
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

double Decimal::approx() const { return std::strtod(str().c_str(), nullptr); }

void Decimal::align(const Decimal& x, const Decimal& y, Int& mx, Int& my, int& e) {
    e = std::min(x.exp_, y.exp_);
    mx = x.mant_ * pow10(static_cast<unsigned>(x.exp_ - e));
    my = y.mant_ * pow10(static_cast<unsigned>(y.exp_ - e));
}

Decimal operator+(const Decimal& x, const Decimal& y) {
    Decimal r;
    Decimal::Int mx, my;
    Decimal::align(x, y, mx, my, r.exp_);
    r.mant_ = mx + my;
    r.normalise();
    return r;
}
Decimal operator-(const Decimal& x, const Decimal& y) { return x + (-y); }
Decimal operator*(const Decimal& x, const Decimal& y) {
    Decimal r;
    r.mant_ = x.mant_ * y.mant_;
    r.exp_ = x.exp_ + y.exp_;
    r.normalise();
    return r;
}
Decimal Decimal::half() const {
    Decimal r;
    r.mant_ = mant_ * 5;
    r.exp_ = exp_ - 1;
    r.normalise();
    return r;
}
int compare(const Decimal& x, const Decimal& y) {
    Decimal::Int mx, my;
    int e;
    Decimal::align(x, y, mx, my, e);
    return mx < my ? -1 : (mx > my ? 1 : 0);
}
int Decimal::order_of_magnitude() const {
    if (mant_ == 0) throw std::domain_error("order_of_magnitude of 0");
    std::string d = (mant_ < 0 ? Int(-mant_) : mant_).str();
    return static_cast<int>(d.size()) - 1 + exp_;
}
Decimal Decimal::floor_to_power(int k) const {
    if (exp_ >= k) return *this;
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
    Decimal w = hi - lo;
    if (w.sign() <= 0) throw std::domain_error("split_point: empty interval");
    int k = w.order_of_magnitude() - 2;  // 10^k <= w/100
    static const Decimal frac = Decimal::parse("0.49609375");  // 127/256
    Decimal s = (lo + w * frac).floor_to_power(k);
    if (!(lo < s && s < hi)) throw std::logic_error("split_point: not interior");
    return s;
}

}  // namespace gancert::certify
