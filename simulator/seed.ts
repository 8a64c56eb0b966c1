/**
 * Seeded users of the simulated instance. Names are fictional; shapes follow the seed API page
 * (`../shared/seed/profile-information.md`) field for field.
 */

export type Privileges = Record<
  | 'feesSet'
  | 'nftMedia'
  | 'settings'
  | 'userRole'
  | 'nftCreate'
  | 'dropManage'
  | 'nftDetails'
  | 'nftPublish'
  | 'userManage'
  | 'nftBuyResell'
  | 'projectCreate'
  | 'collectionCreate',
  boolean
>;

export interface Role {
  id: number;
  name: string;
  privileges: Privileges;
  createdAt: string;
  updatedAt: string;
}

export interface Country {
  label: string;
  value: string;
}

export interface Profile {
  id: number;
  avatarKey: string | null;
  coverKey: string | null;
  description: string | null;
  location: string | null;
  twitterUrl: string | null;
  facebookUrl: string | null;
  instagramUrl: string | null;
  websiteUrl: string | null;
  ethPublicAddr: string | null;
  bankAccount: string | null;
  createdAt: string;
  updatedAt: string;
  userId: number;
  seenNotifications: null;
  country: Country | null;
  isCreator: boolean | null;
  creatorsData: null;
  creatorsPosition: null;
  user: { name: string; email: string; role: Role; username: string };
}

export interface SeedUser {
  profile: Profile;
  /** The API token a user would generate under Settings → API Access. */
  token: string;
  /** For the simulator's login page (browser-session auth). */
  password: string;
}

const ROLE_TIME = '2022-07-27T09:07:50.096Z';

function privileges(all: boolean, creator = false): Privileges {
  return {
    feesSet: all,
    nftMedia: all || creator,
    settings: all,
    userRole: all,
    nftCreate: all || creator,
    dropManage: all,
    nftDetails: all || creator,
    nftPublish: all || creator,
    userManage: all,
    nftBuyResell: all || creator,
    projectCreate: all || creator,
    collectionCreate: all || creator,
  };
}

const ADMIN_ROLE: Role = {
  id: 2,
  name: 'Admin',
  privileges: privileges(true),
  createdAt: ROLE_TIME,
  updatedAt: '2022-07-27T09:07:50.097Z',
};
const CREATOR_ROLE: Role = {
  id: 3,
  name: 'Creator',
  privileges: privileges(false, true),
  createdAt: ROLE_TIME,
  updatedAt: '2022-07-27T09:07:50.097Z',
};

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** JWT-shaped like the instance's tokens, with a numeric `userId` claim. The simulator
 * compares tokens as opaque strings; the signature is a fixed placeholder. */
function simulatedJwt(userId: number, role: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64url(JSON.stringify({ userId, role, iat: 1700000000 }));
  return `${header}.${claims}.simulator-signature-${userId}`;
}

/** A bio in the instance editor's own HTML (Quill 1.x): headings, formats, lists, indent, a quote, a link, a video. */
export const RICH_BIO =
  '<h2>Studio notes</h2>' +
  '<p>Hand-thrown <strong>stoneware</strong>, <em>wood-fired</em> and <u>glazed</u> by hand; <s>mass-produced</s> never.</p>' +
  '<ul><li>Mugs and bowls</li><li class="ql-indent-1">Made to order</li></ul>' +
  '<ol><li>Pick a glaze</li><li>Wait for the kiln</li></ol>' +
  '<blockquote>Slow work, made to last.</blockquote>' +
  '<p>Shop: <a href="https://lena.example/shop" rel="noopener noreferrer" target="_blank">lena.example/shop</a></p>' +
  '<iframe class="ql-video" frameborder="0" allowfullscreen="true" src="https://www.youtube.com/embed/dQw4w9WgXcQ?showinfo=0"></iframe>' +
  '<p><br></p>';

/** A bio with a table, an inline style and an image: markup the instance's editor cannot represent. */
export const UNSUPPORTED_BIO =
  '<p>Prints &amp; posters</p>' +
  '<table><tbody><tr><td>A3</td><td>40 €</td></tr></tbody></table>' +
  '<p style="color: #c4682b">Sale this week</p>' +
  '<p><img src="https://creatorshub.s3.eu-central-1.amazonaws.com/posters/a3.jpg" alt="A3 poster"></p>';

interface UserSeed {
  profileId: number;
  userId: number;
  name: string;
  username: string;
  role: Role;
  password: string;
  fields: Partial<Profile>;
}

const USERS: UserSeed[] = [
  {
    profileId: 1,
    userId: 1,
    name: 'Hanna Brandt',
    username: 'hanna.admin',
    role: ADMIN_ROLE,
    password: 'admin-pass',
    fields: { country: { label: 'Germany', value: 'DE' }, websiteUrl: 'https://hanna.example' },
  },
  {
    profileId: 2,
    userId: 6,
    name: 'Mira Castellano',
    username: 'mira',
    role: CREATOR_ROLE,
    password: 'mira-pass',
    fields: {
      avatarKey: '1677061054831/userAvatars/6/avatar.jpg',
      twitterUrl: 'https://twitter.com/mira_makes',
      description: '<p>Ceramics and <strong>slow</strong> video.</p>',
      country: { label: 'Albania', value: 'AL' },
      isCreator: true,
    },
  },
  {
    profileId: 3,
    userId: 7,
    name: 'Tomasz Wren',
    username: 'twren',
    role: CREATOR_ROLE,
    password: 'tomasz-pass',
    fields: { instagramUrl: 'https://instagram.com/twren', isCreator: true },
  },
  {
    profileId: 4,
    userId: 8,
    name: 'Lena Okafor',
    username: 'lena',
    role: CREATOR_ROLE,
    password: 'lena-pass',
    // Written in the instance's editor: every format its toolbar offers.
    fields: { description: RICH_BIO, isCreator: true, country: { label: 'Poland', value: 'PL' } },
  },
  {
    profileId: 5,
    userId: 9,
    name: 'Piotr Zieliński',
    username: 'piotr',
    role: CREATOR_ROLE,
    password: 'piotr-pass',
    // Markup pasted in through other means: more than the instance's editor can show.
    fields: { description: UNSUPPORTED_BIO, isCreator: true },
  },
];

function seedProfile(seed: UserSeed): Profile {
  return {
    id: seed.profileId,
    avatarKey: null,
    coverKey: null,
    description: null,
    location: null,
    twitterUrl: null,
    facebookUrl: null,
    instagramUrl: null,
    websiteUrl: null,
    ethPublicAddr: null,
    bankAccount: null,
    createdAt: '2022-10-27T12:38:14.699Z',
    updatedAt: '2023-02-22T14:08:43.355Z',
    userId: seed.userId,
    seenNotifications: null,
    country: null,
    isCreator: null,
    creatorsData: null,
    creatorsPosition: null,
    ...seed.fields,
    user: {
      name: seed.name,
      email: `${seed.username}@creators.example`,
      role: seed.role,
      username: seed.username,
    },
  };
}

/** A fresh copy of the seeded users, keyed by user id. */
export function seedUsers(): Map<number, SeedUser> {
  return new Map(
    USERS.map((seed) => [
      seed.userId,
      {
        profile: structuredClone(seedProfile(seed)),
        token: simulatedJwt(seed.userId, seed.role.name),
        password: seed.password,
      },
    ]),
  );
}
