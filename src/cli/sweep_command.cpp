#include "cli/sweep_command.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "cli/progress_bar.hpp"
#include "cli/train_command.hpp"
#include "io/atomic_file.hpp"
#include "support/error.hpp"

namespace cogo::cli {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split(const std::string& text, const char* what) {
    std::vector<std::string> items;
    std::istringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        if (item.empty()) throw InvalidInput(std::string(what) + ": empty item in '" + text + "'");
        items.push_back(item);
    }
    if (items.empty()) throw InvalidInput(std::string(what) + ": no value given");
    return items;
}

template <class T>
std::vector<T> parse_numbers(const std::string& text, const char* what) {
    std::vector<T> out;
    for (const std::string& item : split(text, what)) {
        std::istringstream in(item);
        T v{};
        char extra = 0;
        if (!(in >> v) || (in >> extra)) throw InvalidInput(std::string(what) + ": '" + item + "' is not a number");
        out.push_back(v);
    }
    return out;
}

std::string this_executable() {
    std::error_code ec;
    const fs::path p = fs::read_symlink("/proc/self/exe", ec);
    if (ec) throw InvalidInput("sweep: cannot find the cogo executable (/proc/self/exe); pass --executable");
    return p.string();
}

std::vector<std::string> train_arguments(const SweepOptions& o, const train::SweepRun& run, const fs::path& dir) {
    const train::TrainConfig& c = run.config;
    return {"train", "--group", c.group, "--width", std::to_string(c.width),
            "--wd", train::shortest_decimal(c.weight_decay), "--lr", train::shortest_decimal(c.lr),
            "--seed", std::to_string(c.seed), "--steps", std::to_string(c.steps),
            "--test-fraction", train::shortest_decimal(c.test_fraction), "--threads", std::to_string(c.threads),
            "--precision", o.precision, "--loss", o.loss, "--activation", o.activation, "--optimizer", o.optimizer,
            "--eval-every", std::to_string(std::max<std::size_t>(1, c.steps / 200)),
            "--log-every", train::shortest_decimal(o.log_every), "--out", dir.string()};
}

/// Starts `exe args...` with stdout and stderr appended to `log`; returns the child's pid.
pid_t spawn(const std::string& exe, const std::vector<std::string>& args, const fs::path& log) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) throw InvalidInput("sweep: cannot write the log " + log.string());
    std::vector<char*> argv;
    std::vector<std::string> storage{exe};
    storage.insert(storage.end(), args.begin(), args.end());
    for (std::string& s : storage) argv.push_back(s.data());
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fd);
        throw ResourceLimit("sweep: fork failed");
    }
    if (pid == 0) {
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        ::close(fd);
        ::execv(exe.c_str(), argv.data());
        std::perror("sweep: execv");
        ::_exit(127);
    }
    ::close(fd);
    return pid;
}

std::string run_outcome(const fs::path& dir) {
    try {
        const nlohmann::json s = nlohmann::json::parse(read_file(dir / "summary.json"));
        std::ostringstream text;
        const auto& f = s.at("final");
        text << "train loss " << std::scientific << std::setprecision(2) << f.value("train_loss", 0.0);
        if (!f.at("test_accuracy").is_null())
            text << ", test accuracy " << std::fixed << std::setprecision(2) << 100 * f.at("test_accuracy").get<double>() << "%";
        return text.str();
    } catch (const std::exception&) {
        return "summary unreadable";
    }
}

}  // namespace

CLI::App* add_sweep_command(CLI::App& app, SweepOptions& o) {
    auto* cmd = app.add_subcommand(
        "sweep", "Train over a grid of (group, width, weight decay, lr, seed), one process per run, resumable");
    cmd->add_option("--out,-o", o.out, "Sweep directory SWEEPDIR (one sub-directory per run)")->required();
    cmd->add_option("--d,--group,-g", o.groups, "Groups, comma-separated (23,71 or 2x4)")->capture_default_str();
    cmd->add_option("--width,-q", o.widths, "Widths, comma-separated")->capture_default_str();
    cmd->add_option("--wd", o.wds, "Weight decays, comma-separated")->capture_default_str();
    cmd->add_option("--lr", o.lrs, "Learning rates, comma-separated")->capture_default_str();
    cmd->add_option("--seeds", o.seeds, "Seeds: list with ranges, e.g. 1-5 or 1,3,7-9")->capture_default_str();
    cmd->add_option("--steps", o.steps, "Optimizer steps per run")->capture_default_str();
    cmd->add_option("--test-fraction", o.test_fraction, "Share of pairs held out")->capture_default_str();
    cmd->add_option("--precision", o.precision, "float32 or float64")->capture_default_str();
    cmd->add_option("--loss", o.loss, "mse or ce")->capture_default_str();
    cmd->add_option("--activation", o.activation, "quadratic or relu")->capture_default_str();
    cmd->add_option("--optimizer", o.optimizer, "adam or sgd")->capture_default_str();
    cmd->add_option("--threads-per-job", o.threads_per_job, "Threads of each run")->capture_default_str();
    cmd->add_option("--jobs,-j", o.jobs, "Runs at a time (default: cores / threads per job)");
    cmd->add_option("--shard", o.shard, "Run only shard I of N (0-based): runs r with r mod N == I")->capture_default_str();
    cmd->add_flag("--dry-run", o.dry_run, "List the runs of the shard and whether they are complete; run nothing");
    cmd->add_option("--executable", o.executable, "The cogo executable to run (default: this one)");
    cmd->add_option("--log-every", o.log_every,
                    "Seconds between progress lines: the sweep's on stderr when it is not a terminal (a bar "
                    "otherwise), each run's in its log (0: none)")
        ->capture_default_str();
    cmd->footer("Each run: SWEEPDIR/g<group>_q<width>_wd<wd>_lr<lr>_s<seed>/ (cogo train's files), log in SWEEPDIR/logs/.\n"
                "Complete runs (Wa.npy, Wb.npy, V.npy, summary.json present) are skipped, so re-running resumes.\n"
                "Cluster job arrays: e.g. Slurm `#SBATCH --array=0-7` and `cogo sweep ... --shard $SLURM_ARRAY_TASK_ID/8`\n"
                "with SWEEPDIR on a shared file system. Exit codes: 0 all runs complete, 2 bad input, 4 a run failed.\n");
    return cmd;
}

int run_sweep(const SweepOptions& o, std::ostream& out) {
    train::SweepGrid grid;
    grid.groups = split(o.groups, "--group");
    grid.widths = parse_numbers<std::size_t>(o.widths, "--width");
    grid.weight_decays = parse_numbers<double>(o.wds, "--wd");
    grid.lrs = parse_numbers<double>(o.lrs, "--lr");
    grid.seeds = train::parse_seed_list(o.seeds);
    if (o.threads_per_job == 0) throw InvalidInput("--threads-per-job must be at least 1");
    ProgressBar::check_log_every(o.log_every);
    // the shared settings go through cogo train's own option resolution, so a sweep accepts exactly what
    // its runs will accept
    TrainCommandOptions shared;
    shared.config.steps = o.steps;
    shared.config.test_fraction = o.test_fraction;
    shared.config.threads = o.threads_per_job;
    shared.precision = o.precision;
    shared.loss = o.loss;
    shared.activation = o.activation;
    shared.optimizer = o.optimizer;
    grid.base = resolve_config(shared);
    const std::vector<train::SweepRun> all = train::expand(grid);
    const train::Shard shard = train::parse_shard(o.shard);
    const std::vector<train::SweepRun> runs = train::select_shard(all, shard);
    const fs::path root(o.out);

    std::vector<const train::SweepRun*> pending;
    for (const auto& r : runs)
        if (!train::run_is_complete(root / r.name)) pending.push_back(&r);
    out << "sweep: " << all.size() << " runs in the grid, " << runs.size() << " in shard " << shard.index << "/"
        << shard.count << ", " << runs.size() - pending.size() << " already complete, " << pending.size() << " to run\n";
    if (o.dry_run) {
        for (const auto& r : runs)
            out << "  " << (train::run_is_complete(root / r.name) ? "complete " : "pending  ") << r.name << "\n";
        return exit_ok;
    }
    if (pending.empty()) return exit_ok;
    out.flush();  // before the progress lines on stderr

    const std::string exe = o.executable.empty() ? this_executable() : o.executable;
    std::error_code ec;
    fs::create_directories(root / "logs", ec);
    if (ec) throw InvalidInput("sweep: cannot create " + (root / "logs").string() + ": " + ec.message());
    nlohmann::json manifest = {{"groups", grid.groups}, {"widths", grid.widths}, {"weight_decays", grid.weight_decays},
                               {"lrs", grid.lrs},       {"seeds", grid.seeds},   {"steps", o.steps},
                               {"test_fraction", o.test_fraction}, {"precision", o.precision}, {"loss", o.loss},
                               {"activation", o.activation}, {"optimizer", o.optimizer}};
    write_file_atomically(root / "sweep.json", manifest.dump(2) + "\n");

    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const unsigned jobs = o.jobs ? o.jobs : std::max(1U, cores / o.threads_per_job);
    using Clock = std::chrono::steady_clock;
    struct Running {
        const train::SweepRun* run;
        Clock::time_point start;
    };
    std::map<pid_t, Running> running;
    std::size_t next = 0, finished = 0, failed = 0;
    ProgressBar bar(stderr, pending.size(), "sweep", false, o.log_every);
    while (next < pending.size() || !running.empty()) {
        while (next < pending.size() && running.size() < jobs) {
            const train::SweepRun* r = pending[next++];
            const pid_t pid = spawn(exe, train_arguments(o, *r, root / r->name), root / "logs" / (r->name + ".log"));
            running.emplace(pid, Running{r, Clock::now()});
        }
        int status = 0;
        pid_t pid = 0;
        if (bar.enabled()) {  // poll, so that the progress is shown while the runs are going
            while ((pid = ::waitpid(-1, &status, WNOHANG)) == 0) {
                bar.update(finished, std::to_string(running.size()) + " running, " + std::to_string(failed) + " failed");
                ::usleep(100 * 1000);
            }
        } else {
            pid = ::waitpid(-1, &status, 0);
        }
        if (pid < 0) break;
        auto it = running.find(pid);
        if (it == running.end()) continue;
        bar.clear();
        const Running done = it->second;
        running.erase(it);
        ++finished;
        const double seconds = std::chrono::duration<double>(Clock::now() - done.start).count();
        const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && train::run_is_complete(root / done.run->name);
        out << "[" << finished << "/" << pending.size() << "] " << done.run->name << ": ";
        if (ok) {
            out << "done in " << std::fixed << std::setprecision(1) << seconds << " s, "
                << run_outcome(root / done.run->name) << "\n";
        } else {
            ++failed;
            out << "FAILED (" << (WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status)) : std::string("killed"))
                << "), see " << (root / "logs" / (done.run->name + ".log")).string() << "\n";
        }
        out.flush();
        bar.update(finished, std::to_string(running.size()) + " running, " + std::to_string(failed) + " failed");
    }
    bar.finish();
    out << "sweep: " << finished - failed << " runs completed, " << failed << " failed\n";
    return failed ? exit_internal : exit_ok;
}

}  // namespace cogo::cli
