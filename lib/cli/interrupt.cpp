#include "interrupt.hpp"

#include <csignal>
#include <initializer_list>
#include <signal.h>

#include "gancert/certify/stop.hpp"

namespace gancert::cli {
namespace {
extern "C" void on_interrupt(int) { certify::request_stop(); }
}  // namespace

void stop_on_interrupt() {
    struct sigaction sa {};
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;  // a second signal: the default action (end at once)
    for (int sig : {SIGINT, SIGTERM}) {
        struct sigaction old {};
        // a signal ignored by the parent (SIGTERM under nohup-like starters) stays ignored
        if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        ::sigaction(sig, &sa, nullptr);
    }
}

}  // namespace gancert::cli
