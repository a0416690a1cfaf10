// Enclosed constants: pi, sqrt(pi), 1/sqrt(pi), sqrt(2), ln 2 and integer<S>(k) for idouble and
// impfr at several precisions must contain the exact constant (checked against MPFR's 2000-bit
// directed values) and be tight.
#include <catch2/catch.hpp>

#include <functional>

#include "arith_property_harness.hpp"

using namespace harness;
using namespace gancert::arith;

namespace {

/// 2000-bit lower/upper bounds of a constant, computed from MPFR's correctly rounded primitives.
struct constant_ref {
    mp lo{2000}, hi{2000};
    explicit constant_ref(const std::function<void(mpfr_ptr, mpfr_rnd_t)>& f) {
        f(lo, MPFR_RNDD);
        f(hi, MPFR_RNDU);
    }
};

void pi_fn(mpfr_ptr r, mpfr_rnd_t d) { mpfr_const_pi(r, d); }
void sqrt_pi_fn(mpfr_ptr r, mpfr_rnd_t d) {
    mpfr_const_pi(r, d);
    mpfr_sqrt(r, r, d);
}
void inv_sqrt_pi_fn(mpfr_ptr r, mpfr_rnd_t d) {  // 1/√π: round π against the direction
    mpfr_const_pi(r, d == MPFR_RNDD ? MPFR_RNDU : MPFR_RNDD);
    mpfr_rec_sqrt(r, r, d);
    // rec_sqrt is monotone decreasing, so a pi bound rounded the other way keeps the direction
}
void sqrt2_fn(mpfr_ptr r, mpfr_rnd_t d) { mpfr_sqrt_ui(r, 2, d); }
void ln2_fn(mpfr_ptr r, mpfr_rnd_t d) { mpfr_const_log2(r, d); }

template <class I>
void check_constant(const char* name, const I& c, const constant_ref& ref, unsigned p) {
    INFO(name << " at " << p << " bits");
    if constexpr (std::is_same_v<I, idouble>) {
        CHECK(mpfr_cmp_d(ref.lo, c.lower()) >= 0);
        CHECK(mpfr_cmp_d(ref.hi, c.upper()) <= 0);
        CHECK(std::nextafter(std::nextafter(c.lower(), 10.0), 10.0) >= c.upper());  // ≤ 2 ulp
    } else {
        CHECK(mpfr_cmp(raw(c.lower()), ref.lo) <= 0);
        CHECK(mpfr_cmp(raw(c.upper()), ref.hi) >= 0);
        CHECK(mpfr_get_prec(raw(c.lower())) == static_cast<mpfr_prec_t>(p));
        report rep;
        check_tightness(rep, c, tightness{4, 3}, p);
        CHECK(rep.tight_failed == 0);
    }
}

template <class I>
void check_all(unsigned p) {
    check_constant("pi", pi<I>(), constant_ref(pi_fn), p);
    check_constant("sqrt_pi", sqrt_pi<I>(), constant_ref(sqrt_pi_fn), p);
    check_constant("inv_sqrt_pi", inv_sqrt_pi<I>(), constant_ref(inv_sqrt_pi_fn), p);
    check_constant("sqrt2", sqrt2<I>(), constant_ref(sqrt2_fn), p);
    check_constant("ln2", ln2<I>(), constant_ref(ln2_fn), p);
}

}  // namespace

TEST_CASE("constants enclose pi, sqrt(pi), 1/sqrt(pi), sqrt(2) and ln 2", "[arith][constants]") {
    check_all<idouble>(53);
    for (unsigned p : {24u, 53u, 128u, 256u, 1000u, 1900u}) {
        precision_guard g(p);
        check_all<impfr>(p);
    }
}

TEST_CASE("integer<S>(k) is exact or enclosing for large k", "[arith][constants]") {
    for (long k : {0L, 1L, -7L, (1L << 53) + 1, -((1L << 60) + 3), 9007199254740993L}) {
        INFO(k);
        idouble d = integer<idouble>(k);
        mpfr_t t;
        mpfr_init2(t, 64);
        mpfr_set_si(t, k, MPFR_RNDN);
        CHECK(mpfr_cmp_d(t, d.lower()) >= 0);
        CHECK(mpfr_cmp_d(t, d.upper()) <= 0);
        precision_guard g(24);  // 24 bits cannot hold most of these: must still enclose
        impfr m = integer<impfr>(k);
        CHECK(mpfr_cmp(raw(m.lower()), t) <= 0);
        CHECK(mpfr_cmp(raw(m.upper()), t) >= 0);
        mpfr_clear(t);
    }
}
