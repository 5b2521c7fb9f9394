#include "support/interrupt.hpp"

#include <csignal>
#include <mutex>

namespace cogo {

namespace {

volatile std::sig_atomic_t g_signal = 0;
int g_depth = 0;
std::mutex g_mutex;
struct sigaction g_old_int {}, g_old_term {};

extern "C" void on_signal(int sig) { g_signal = sig; }

}  // namespace

InterruptScope::InterruptScope() {
    std::lock_guard lock(g_mutex);
    if (g_depth++ > 0) return;
    g_signal = 0;
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: a blocking wait returns EINTR so the loop can react
    sigaction(SIGINT, &sa, &g_old_int);
    sigaction(SIGTERM, &sa, &g_old_term);
}

InterruptScope::~InterruptScope() {
    std::lock_guard lock(g_mutex);
    if (--g_depth > 0) return;
    sigaction(SIGINT, &g_old_int, nullptr);
    sigaction(SIGTERM, &g_old_term, nullptr);
}

int InterruptScope::pending() { return g_signal; }

}  // namespace cogo
