//! What an administrator does to a running server, for the tests of what the app says when
//! the server says no: an account added at run time (so that a test may lock it or take
//! rights away without touching the accounts other tests use), a user denied access to the
//! server (Cyrus's `cyr_deny`; Stalwart: the `authenticate` permission taken away), rights on a
//! folder taken away and given back (IMAP `SETACL` as the Cyrus admin, RFC 4314; not on
//! Stalwart, see [`crate::Feature::RightsOnOwnFolders`]), and a second app server of its own that
//! a test may stop or point at a server that is down.
//!
//! What Cyrus 3.6.1 does then (seen on this testbed): a denied user gets the same `401` as a
//! wrong password (same body, same headers); without `t`/`e` on the folder a message is in,
//! `Email/set` moving it elsewhere answers `notUpdated` `forbidden`, and without `w` setting
//! `$flagged` does; but without `i` on the folder a message is moved *to*, `Email/set` answers
//! `updated` and the message is gone from both folders: take `te` from the source to have a
//! move refused, never `i` from its destination.
//!
//! ```no_run
//! # fn demo(tb: &facteur_testbed::Testbed) -> Result<(), facteur_testbed::TestbedError> {
//! let who = tb.add_account("essai.droits@ac-cevennes.fr", "Un-Mot-De-Passe-1")?;
//! tb.change_rights(&who.email, "Inbox", "-te")?; // nothing may leave the Inbox
//! // … the app is refused a move to Archive …
//! tb.change_rights(&who.email, "Inbox", "+te")?;
//! # Ok(()) }
//! ```

use crate::app::Front;
use crate::cyrus::{imap_admin, imap_login, BIN};
use crate::jmap::Client;
use crate::proc::{chown_r, run, uid_of};
use crate::{stalwart, Account, ServerKind, Testbed, TestbedError};
use std::path::Path;
use std::process::Command;

impl Testbed {
    /// Creates an account that is not in the seed (SASL password, then one IMAP login that
    /// makes its Inbox and special folders, and a check of its JMAP session). Mail sent to it
    /// through [`Testbed::deliver`] lands in its Inbox. It is not listed by
    /// [`Testbed::accounts`].
    pub fn add_account(&self, email: &str, password: &str) -> Result<Account, TestbedError> {
        let email = email.to_lowercase();
        if self.kind == ServerKind::Stalwart {
            let account = Account { email: email.clone(), password: password.to_string(), name: email.clone() };
            stalwart::create_account(&self.layout, &account)?;
            return Ok(account);
        }
        let sasldb = self.layout.p("sasldb2");
        run(
            Command::new("saslpasswd2").arg("-p").arg("-c").arg("-f").arg(&sasldb).arg(&email),
            Some(password.as_bytes()),
        )?;
        chown_r(&sasldb, "cyrus", "mail")?;
        imap_login(self.layout.imap_port, &email, password)?;
        Client::connect(&self.jmap_url(), &email, password)?.check_session(&email)?;
        Ok(Account { email: email.clone(), password: password.to_string(), name: email })
    }

    /// Denies `email` every service of the server (Cyrus's `cyr_deny`: the password is still
    /// right, the server refuses the user), or allows it again with `deny: false`.
    pub fn deny_access(&self, email: &str, deny: bool) -> Result<(), TestbedError> {
        if self.kind == ServerKind::Stalwart {
            let action = if deny { "addItem" } else { "removeItem" };
            return stalwart::update_principal(
                &self.layout,
                email,
                action,
                "disabledPermissions",
                serde_json::json!("authenticate"),
            );
        }
        let mut cmd = Command::new(format!("{BIN}/cyr_deny"));
        cmd.arg("-C").arg(self.layout.imapd_conf());
        if deny {
            cmd.arg("-m").arg("Compte verrouillé par l'administrateur");
        } else {
            cmd.arg("-a");
        }
        cmd.arg(email);
        as_cyrus(&mut cmd)?;
        run(&mut cmd, None)?;
        Ok(())
    }

    /// Changes the rights of `email` on its own folder `folder` (`Inbox`, `Archive`,
    /// `Trash`, `Projets/2026`…) as the admin, with an RFC 4314 change: `"-te"` takes away the
    /// rights to delete and expunge its messages (so none may be moved out of it), `"-w"` the
    /// right to set flags other than seen and deleted, `"+tew"` gives them back.
    pub fn change_rights(&self, email: &str, folder: &str, change: &str) -> Result<(), TestbedError> {
        if !self.supports(crate::Feature::RightsOnOwnFolders) {
            return Err(TestbedError::Seed(format!("{}: a folder's owner keeps every right on it", self.kind)));
        }
        imap_admin(
            self.layout.imap_port,
            &[format!("r1 SETACL {} {} {change}", admin_name(email, folder), quote(email))],
        )?;
        Ok(())
    }

    /// A second app server, serving `dist` like the testbed's and proxying `/jmap` to
    /// `backend` (e.g. [`Testbed::jmap_url`], or the address of a port where nothing
    /// answers, to see what the app says when the mail server is down: the proxy answers 502).
    /// On `port` (0: a free one; the port of a stopped one: it answers again). Stopped when
    /// dropped.
    pub fn extra_app_server(&self, dist: &Path, backend: &str, port: u16) -> Result<ExtraApp, TestbedError> {
        self.extra_app_server_with(dist, backend, port, Front::default())
    }

    /// [`Testbed::extra_app_server`] fronting the mail server as `front` says: e.g. its
    /// browsers seen as coming from `127.0.0.2` (which Stalwart may ban after too many failed
    /// logins, where it never bans 127.0.0.1), or event streams held back.
    pub fn extra_app_server_with(
        &self,
        dist: &Path,
        backend: &str,
        port: u16,
        front: Front,
    ) -> Result<ExtraApp, TestbedError> {
        let server = crate::app::AppServer::start_with(dist, port, backend.to_string(), front)?;
        Ok(ExtraApp { url: format!("http://127.0.0.1:{}", server.port), port: server.port, server: Some(server) })
    }
}

/// An app server of [`Testbed::extra_app_server`].
pub struct ExtraApp {
    /// Its origin, e.g. `http://127.0.0.1:40123`.
    pub url: String,
    /// Its port.
    pub port: u16,
    server: Option<crate::app::AppServer>,
}

impl ExtraApp {
    /// Stops it: its port refuses connections from now on (the server is unreachable).
    pub fn stop(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop();
        }
    }
}

/// The name the admin gives `folder` of `email` (virtual domains, `/` separator):
/// `user/julien.roux/Archive@ac-cevennes.fr`.
fn admin_name(email: &str, folder: &str) -> String {
    let (local, domain) = email.split_once('@').unwrap_or((email, ""));
    let path = if folder.eq_ignore_ascii_case("inbox") {
        String::new()
    } else {
        format!("/{}", crate::bulk::imap_utf7(folder))
    };
    let at = if domain.is_empty() { String::new() } else { format!("@{domain}") };
    quote(&format!("user/{local}{path}{at}"))
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Cyrus's tools run as the `cyrus` user, who owns its databases (one made by root would be
/// unreadable to the server).
fn as_cyrus(cmd: &mut Command) -> Result<(), TestbedError> {
    use std::os::unix::process::CommandExt;
    let uid =
        uid_of("cyrus").ok_or_else(|| TestbedError::Seed("no `cyrus` user (is cyrus-imapd installed?)".into()))?;
    let gid = crate::proc::gid_of("mail").ok_or_else(|| TestbedError::Seed("no `mail` group".into()))?;
    cmd.uid(uid).gid(gid);
    Ok(())
}
