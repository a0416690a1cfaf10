#include "interrupt.hpp"

#include <csignal>
#include <initializer_list>
#include <signal.h>

#include "gancert/api/output_file.hpp"
#include "gancert/certify/stop.hpp"

namespace gancert::cli {
namespace {

extern "C" void end_now(int sig) {
    api::remove_temporaries();  // async-signal-safe
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void install(void (*handler)(int)) {
    struct sigaction sa {};
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGINT, SIGTERM}) {
        struct sigaction old {};
        // an ignored SIGTERM (nohup-like starters) stays ignored; SIGINT is restored (main())
        if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN && sig == SIGTERM) continue;
        ::sigaction(sig, &sa, nullptr);
    }
}

extern "C" void on_interrupt(int) {
    certify::request_stop();
    install(end_now);  // sigaction is async-signal-safe: the second signal ends the process
}

}  // namespace

void end_on_signal() { install(end_now); }

void stop_on_interrupt() { install(on_interrupt); }

}  // namespace gancert::cli
