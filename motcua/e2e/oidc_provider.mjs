// A real OpenID provider for the tests: `oidc-provider` (the certified reference
// implementation) with its development login and consent pages, where any login is accepted
// and becomes the account id. Started by motcua/e2e/oidc.py, never in production.
//
// Environment: OP_PORT, OP_CLIENT_ID, OP_CLIENT_SECRET, OP_REDIRECT_URIS (space-separated),
// OP_ACCOUNTS (JSON: login -> claims, e.g. {"nhung": {"name": "…", "id_number": "0201…"}}).
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.env.OP_PORT);
const accounts = JSON.parse(process.env.OP_ACCOUNTS || '{}');
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'motcua-test', use: 'sig', alg: 'RS256' };

const configuration = {
  clients: [{
    client_id: process.env.OP_CLIENT_ID,
    client_secret: process.env.OP_CLIENT_SECRET,
    redirect_uris: (process.env.OP_REDIRECT_URIS || '').split(' ').filter(Boolean),
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
    id_token_signed_response_alg: 'RS256',
  }],
  jwks: { keys: [jwk] },
  claims: {
    openid: ['sub'],
    profile: ['name', 'id_number', 'phone_number', 'email'],
  },
  cookies: { keys: ['motcua-test-cookie-key'] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  async findAccount(ctx, id) {
    if (!accounts[id]) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...accounts[id] }; } };
  },
};

const provider = new Provider(`http://127.0.0.1:${port}`, configuration);
provider.listen(port, '127.0.0.1', () => { console.log('READY'); });
