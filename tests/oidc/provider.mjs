// A real OpenID Connect provider (the npm package oidc-provider) for the sign-in tests only.
// Usage: node provider.mjs <port> <redirect_uri>. Listens on 127.0.0.1, prints READY.
// Users sign in with their id as the login name (any password); their claims mimic what
// Microsoft Entra ID sends: e-mail, name, and the app roles in a `roles` claim.
import Provider from 'oidc-provider';

const [port, redirectUri] = [Number(process.argv[2]), process.argv[3]];

const USERS = {
  analyytikko: { email: 'anna.analyytikko@example.fi', name: 'Anna Analyytikko', roles: ['analyytikko'] },
  johto: { email: 'jussi.johtaja@example.fi', name: 'Jussi Johtaja', roles: ['johto'] },
  lautakunta: { email: 'liisa.lautakunta@example.fi', name: 'Liisa Lautakunta', roles: ['lautakunta'] },
  // Signed in, but with no role of this app: must get the polite refusal.
  norole: { email: 'niko.norooli@example.fi', name: 'Niko Norooli', roles: ['Reader'] },
  // No roles claim at all: the role comes from the allow-list file, by e-mail.
  listattu: { email: 'lotta.listattu@example.fi', name: 'Lotta Listattu' },
};

const configuration = {
  clients: [{
    client_id: 'kpi-dashboard',
    client_secret: 'test-client-secret',
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'roles'],
  },
  // Put the scope's claims in the ID token, as Entra does: Streamlit reads only the ID token.
  conformIdTokenClaims: false,
  findAccount: async (ctx, id) => (USERS[id]
    ? { accountId: id, claims: async () => ({ sub: id, email_verified: true, ...USERS[id] }) }
    : undefined),
  // A first-party app: no consent screen (an Entra admin consents for the organisation).
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // Sign out without asking (the default page asks, and loads web fonts from outside).
      logoutSource: async (ctx, form) => {
        ctx.body = `<!DOCTYPE html><html><body>${form}<script>
          const f = document.forms[0]; const i = document.createElement('input');
          i.type = 'hidden'; i.name = 'logout'; i.value = 'yes'; f.appendChild(i); f.submit();
          </script></body></html>`;
      },
    },
  },
  cookies: { keys: ['only-for-tests-not-a-secret'] },
};

const provider = new Provider(`http://127.0.0.1:${port}`, configuration);
// Entra accepts Streamlit's default prompt=select_account; this test provider does not know
// that prompt, so it is dropped here before the request is checked.
provider.use(async (ctx, next) => {
  if (ctx.path === '/auth' && ctx.query.prompt === 'select_account') {
    const query = { ...ctx.query };
    delete query.prompt;
    ctx.query = query;
  }
  await next();
});
provider.listen(port, '127.0.0.1', () => console.log('READY'));
