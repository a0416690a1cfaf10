// Thread safety of the working precision: two std::threads computing concurrently at different
// precisions each get results at their own precision (and as accurate as that precision
// allows), while the main thread's precision is untouched.
#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <latch>
#include <thread>

#include "gancert/arith/scalar.hpp"

using namespace gancert::arith;

namespace {

struct outcome {
    long wrong_precision = 0;   // result endpoints not at the thread's precision
    long not_enclosing = 0;     // result misses the 2000-bit value
    long too_wide = 0;          // result much wider than the thread's precision allows
    long iterations = 0;
    long bits_seen_by_thread = 0;
};

/// Repeatedly computes s = Σ_{k=1..20} erf(k/7)·exp(−k/7) in impfr at `bits` and checks it.
void work(unsigned bits, std::latch& start, outcome& out) {
    precision_guard g(bits);
    // 2000-bit reference of the same sum (this thread's own scratch, explicit precision)
    mpfr_t ref, t, u;
    mpfr_inits2(2000, ref, t, u, static_cast<mpfr_ptr>(nullptr));
    mpfr_set_zero(ref, 1);
    for (long k = 1; k <= 20; ++k) {
        mpfr_set_si(t, k, MPFR_RNDN);
        mpfr_div_ui(t, t, 7, MPFR_RNDN);
        mpfr_erf(u, t, MPFR_RNDN);
        mpfr_neg(t, t, MPFR_RNDN);
        mpfr_exp(t, t, MPFR_RNDN);
        mpfr_mul(u, u, t, MPFR_RNDN);
        mpfr_add(ref, ref, u, MPFR_RNDN);
    }
    start.arrive_and_wait();  // both threads start computing together
    for (int it = 0; it < 300; ++it) {
        impfr s = integer<impfr>(0);
        for (long k = 1; k <= 20; ++k) {
            impfr x = integer<impfr>(k) / integer<impfr>(7);
            s = s + erf(x) * exp(-x);
        }
        ++out.iterations;
        if (mpfr_get_prec(raw(s.lower())) != static_cast<mpfr_prec_t>(bits) ||
            mpfr_get_prec(raw(s.upper())) != static_cast<mpfr_prec_t>(bits))
            ++out.wrong_precision;
        if (mpfr_cmp(raw(s.lower()), ref) > 0 || mpfr_cmp(raw(s.upper()), ref) < 0) ++out.not_enclosing;
        // 20 terms × a few roundings: width ≤ 2^(−bits+10)·|s| is generous at the right precision
        // and impossible at the other thread's (much lower) precision.
        mpfr_sub(t, raw(s.upper()), raw(s.lower()), MPFR_RNDU);
        mpfr_mul_2si(u, ref, -static_cast<long>(bits) + 10, MPFR_RNDN);
        if (mpfr_cmp(t, u) > 0) ++out.too_wide;
        out.bits_seen_by_thread = working_bits();
    }
    mpfr_clears(ref, t, u, static_cast<mpfr_ptr>(nullptr));
}

}  // namespace

TEST_CASE("two threads at different precisions get results at their own precision", "[arith][threads]") {
    const unsigned main_bits = working_bits();
    std::latch start(2);
    outcome low, high;
    std::thread a(work, 64u, std::ref(start), std::ref(low));
    std::thread b(work, 700u, std::ref(start), std::ref(high));
    a.join();
    b.join();
    for (const outcome* o : {&low, &high}) {
        CHECK(o->iterations == 300);
        CHECK(o->wrong_precision == 0);
        CHECK(o->not_enclosing == 0);
        CHECK(o->too_wide == 0);
    }
    CHECK(low.bits_seen_by_thread == 64);
    CHECK(high.bits_seen_by_thread == 700);
    CHECK(working_bits() == main_bits);  // the main thread's precision is untouched
}
