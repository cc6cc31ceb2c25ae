//! Child processes: running commands, stopping, and cleaning up after a crashed run.

use crate::{Layout, TestbedError};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Runs a command to completion, with optional stdin; error with its output if it fails.
pub fn run(cmd: &mut Command, stdin: Option<&[u8]>) -> Result<String, TestbedError> {
    use std::io::Write;
    let desc = format!("{cmd:?}");
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| TestbedError::io(format!("spawn {desc}"), e))?;
    if let Some(input) = stdin {
        let mut si = child.stdin.take().unwrap();
        si.write_all(input).map_err(|e| TestbedError::io(format!("stdin of {desc}"), e))?;
    }
    let out = child.wait_with_output().map_err(|e| TestbedError::io(format!("wait {desc}"), e))?;
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    if out.status.success() {
        Ok(text)
    } else {
        Err(TestbedError::Command { command: desc, output: format!("{}: {}", out.status, text.trim()) })
    }
}

pub fn signal(pid: i32, sig: i32) {
    if pid > 1 && pid != std::process::id() as i32 {
        unsafe {
            libc::kill(pid, sig);
        }
    }
}

fn alive(pid: i32) -> bool {
    // A zombie still "exists"; check /proc state.
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(s) => !s.rsplit(')').next().map(|r| r.trim_start().starts_with('Z')).unwrap_or(false),
        Err(_) => false,
    }
}

/// SIGTERM the child (a process group leader), wait up to `grace`, then SIGKILL its group.
pub fn stop_child(mut child: Child, grace: Duration) {
    let pid = child.id() as i32;
    signal(pid, libc::SIGTERM);
    let deadline = Instant::now() + grace;
    loop {
        match child.try_wait() {
            Ok(Some(_)) | Err(_) => break,
            Ok(None) if Instant::now() >= deadline => {
                signal(-pid, libc::SIGKILL);
                signal(pid, libc::SIGKILL);
                let _ = child.wait();
                break;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(25)),
        }
    }
    // Whatever is left in its process group.
    signal(-pid, libc::SIGKILL);
}

/// Pids of processes that belong to the instance in `layout.dir`: their command line names our
/// imapd.conf / Stalwart's config.toml / postfix config dir, or their environment has MAIL_CONFIG=<our postfix dir>.
pub fn instance_pids(layout: &Layout) -> Vec<i32> {
    let conf = layout.imapd_conf();
    let pf = layout.pf_etc();
    let stalwart = layout.p("etc/config.toml");
    let needles: Vec<Vec<u8>> = vec![
        conf.as_os_str().as_encoded_bytes().to_vec(),
        stalwart.as_os_str().as_encoded_bytes().to_vec(),
        format!("MAIL_CONFIG={}", pf.display()).into_bytes(),
        format!("-c\0{}", pf.display()).into_bytes(),
    ];
    let me = std::process::id() as i32;
    let mut pids = Vec::new();
    let Ok(rd) = std::fs::read_dir("/proc") else { return pids };
    for e in rd.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(|s| s.parse::<i32>().ok()) else { continue };
        if pid == me {
            continue;
        }
        let mut hay = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        hay.push(0);
        hay.extend(std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default());
        if needles.iter().any(|n| contains(&hay, n)) && alive(pid) {
            pids.push(pid);
        }
    }
    pids
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

fn read_pid(path: &Path) -> Option<i32> {
    std::fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// Kills processes left by a previous (crashed) run of the same directory: by pid files, then by
/// scanning /proc for processes that reference this directory's configuration.
pub fn kill_leftovers(layout: &Layout) {
    let mut pids: Vec<i32> = Vec::new();
    for pf in ["run/master.pid", "pf/spool/pid/master.pid"] {
        if let Some(pid) = read_pid(&layout.p(pf)) {
            // Only if it really is ours (pid files can be stale and the pid reused).
            let cmd = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
            let env = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            let d = layout.dir.as_os_str().as_encoded_bytes();
            if contains(&cmd, d) || contains(&env, d) {
                pids.push(pid);
            }
        }
    }
    pids.extend(instance_pids(layout));
    if pids.is_empty() {
        return;
    }
    for &p in &pids {
        signal(p, libc::SIGTERM);
    }
    let deadline = Instant::now() + Duration::from_secs(3);
    while Instant::now() < deadline && pids.iter().any(|&p| alive(p)) {
        std::thread::sleep(Duration::from_millis(50));
    }
    for _ in 0..3 {
        let left: Vec<i32> =
            instance_pids(layout).into_iter().chain(pids.iter().copied().filter(|&p| alive(p))).collect();
        if left.is_empty() {
            break;
        }
        for p in left {
            signal(p, libc::SIGKILL);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// chown -R user:group
pub fn chown_r(path: &Path, user: &str, group: &str) -> Result<(), TestbedError> {
    run(Command::new("chown").arg("-R").arg(format!("{user}:{group}")).arg(path), None).map(|_| ())
}

fn id_in(file: &str, name: &str) -> Option<u32> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        (f.first() == Some(&name)).then(|| f.get(2)?.parse().ok()).flatten()
    })
}

/// uid of a system user (from /etc/passwd).
pub fn uid_of(user: &str) -> Option<u32> {
    id_in("/etc/passwd", user)
}

/// gid of a system group (from /etc/group).
pub fn gid_of(group: &str) -> Option<u32> {
    id_in("/etc/group", group)
}
