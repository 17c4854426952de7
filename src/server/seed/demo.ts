import fs from 'node:fs';
import { sql } from 'kysely';
import type { Db, Executor } from '#db/database.ts';
import type { Role } from '#contracts/auth.ts';
import { hashingOncePerPassword, randomSecret, sha256, type IdGenerator, type PasswordHasher } from '#server/lib/adapters.ts';
import { createOperatorService } from '#server/modules/operator/service.ts';

export const DEMO_PASSWORD = 'Partnerdesk-demo-1';
/** The temporary password of the demo's existing tenants' admins (issue 9): changed at the first sign-in. */
export const DEMO_TENANT_PASSWORD = 'Partnerdesk-tenant-1';
const SEEDED_KEY = 'demo_seeded_at';
const catalogFile = new URL('./demo-catalog.json', import.meta.url);

interface DemoUser { email: string; roles: Role[]; displayName: string }

const demoPartners = [
  {
    ref: 'contoso', name: 'Contoso Direct', kind: 'direct', instance: 'public', mpnId: '4100101', markets: ['US'], emailDomains: ['contoso-direct.example'],
    users: [
      { email: 'admin@contoso-direct.example', roles: ['global_admin'], displayName: 'Avery Admin' },
      { email: 'agent@contoso-direct.example', roles: ['admin_agent'], displayName: 'Alex Agent' },
      { email: 'sales@contoso-direct.example', roles: ['sales_agent'], displayName: 'Sam Sales' },
      { email: 'helpdesk@contoso-direct.example', roles: ['helpdesk_agent'], displayName: 'Harper Helpdesk' },
      { email: 'billing@contoso-direct.example', roles: ['billing_admin'], displayName: 'Blake Billing' },
    ],
  },
  {
    ref: 'fabrikam', name: 'Fabrikam Distribution', kind: 'indirect_provider', instance: 'public', mpnId: '4200202', markets: ['US', 'CA', 'GB', 'BR', 'IN', 'TW'], emailDomains: ['fabrikam-dist.example'],
    users: [
      { email: 'admin@fabrikam-dist.example', roles: ['global_admin'], displayName: 'Frankie Admin' },
      { email: 'sales@fabrikam-dist.example', roles: ['sales_agent'], displayName: 'Sasha Sales' },
      { email: 'helpdesk@fabrikam-dist.example', roles: ['helpdesk_agent'], displayName: 'Hayden Helpdesk' },
    ],
  },
  { ref: 'northwind', name: 'Northwind Traders', kind: 'indirect_reseller', instance: 'public', mpnId: '4300303', markets: ['US', 'CA'], emailDomains: ['northwind.example'], users: [{ email: 'admin@northwind.example', roles: ['global_admin'], displayName: 'Nico Northwind' }] },
  { ref: 'tailspin', name: 'Tailspin IT', kind: 'indirect_reseller', instance: 'public', mpnId: '4300404', markets: ['GB', 'IN', 'TW'], emailDomains: ['tailspin.example'], users: [{ email: 'admin@tailspin.example', roles: ['global_admin'], displayName: 'Taylor Tailspin' }] },
  { ref: 'wingtip', name: 'Wingtip Partners', kind: 'indirect_reseller', instance: 'public', mpnId: '4300505', markets: ['US'], emailDomains: ['wingtip.example'], users: [{ email: 'admin@wingtip.example', roles: ['global_admin'], displayName: 'Wren Wingtip' }] },
  // A partner of the demo's existing tenants, so that Contoso and Fabrikam can request relationships with them.
  { ref: 'woodgrove', name: 'Woodgrove Partners', kind: 'direct', instance: 'public', mpnId: '4400808', markets: ['US'], emailDomains: ['woodgrove-partners.example'], users: [{ email: 'admin@woodgrove-partners.example', roles: ['global_admin'], displayName: 'Wes Woodgrove' }] },
  { ref: 'adatum', name: 'Adatum Federal', kind: 'direct', instance: 'usgov', mpnId: '5100606', markets: ['US'], emailDomains: ['adatum-federal.example'], usgovValidated: true, users: [{ email: 'admin@adatum-federal.example', roles: ['global_admin'], displayName: 'Ari Adatum' }] },
  { ref: 'litware', name: 'Litware Gov', kind: 'direct', instance: 'usgov', mpnId: '5100707', markets: ['US'], emailDomains: ['litware-gov.example'], usgovValidated: false, users: [{ email: 'admin@litware-gov.example', roles: ['global_admin'], displayName: 'Lee Litware' }] },
] as const satisfies readonly {
  ref: string; name: string; kind: string; instance: string; mpnId: string; markets: readonly string[]; emailDomains: readonly string[]; usgovValidated?: boolean; users: readonly DemoUser[];
}[];

type PartnerRef = (typeof demoPartners)[number]['ref'];

interface DemoCustomer {
  company: string;
  prefix: string;
  country: string;
  city: string;
  state: string | null;
  postal: string | null;
  phone: string | null;
  registration?: string;
  culture: string;
  partners: PartnerRef[];
  reseller?: PartnerRef;
  offers?: [string, number][];
  /** An existing tenant whose admin signs in with DEMO_TENANT_PASSWORD (temporary), to accept relationship requests. */
  tenantAdmin?: true;
}

const us = (company: string, prefix: string, city: string, state: string, postal: string, partners: PartnerRef[], extra: Partial<DemoCustomer> = {}): DemoCustomer =>
  ({ company, prefix, country: 'US', city, state, postal, phone: '+1 425 555 0100', culture: 'en-US', partners, ...extra });

const demoCustomers: DemoCustomer[] = [
  us('Alpine Ski House', 'alpineskihouse', 'Denver', 'CO', '80202', ['contoso'], { offers: [['CFQ7TTC0LDPB:0001', 25]] }),
  us('Bellows College', 'bellowscollege', 'Boston', 'MA', '02115', ['contoso'], { offers: [['CFQ7TTC0LHWM:0001', 120]] }),
  us('Best For You Organics', 'bestforyouorganics', 'Portland', 'OR', '97201', ['contoso']),
  us('City Power & Light', 'citypowerlight', 'Seattle', 'WA', '98101', ['contoso'], { offers: [['CFQ7TTC0LF8Q:0001', 250], ['CFQ7TTC0LFT2:0001', 40]] }),
  us('Coho Winery', 'cohowinery', 'Napa', 'CA', '94558', ['contoso'], { offers: [['CFQ7TTC0LH18:0001', 12]] }),
  us('Consolidated Messenger', 'consolidatedmessenger', 'Chicago', 'IL', '60601', ['contoso']),
  us('Fourth Coffee', 'fourthcoffee', 'Redmond', 'WA', '98052', ['contoso'], { offers: [['CFQ7TTC0LCHC:0002', 18]] }),
  us('Graphic Design Institute', 'graphicdesigninstitute', 'Austin', 'TX', '78701', ['contoso']),
  us('Humongous Insurance', 'humongousinsurance', 'Hartford', 'CT', '06103', ['contoso'], { offers: [['CFQ7TTC0LFLZ:0001', 800]] }),
  us('Lamna Healthcare', 'lamnahealthcare', 'Nashville', 'TN', '37203', ['contoso']),
  us('Lucerne Publishing', 'lucernepublishing', 'New York', 'NY', '10001', ['contoso'], { offers: [['CFQ7TTC0LH2H:0001', 15]] }),
  us('Margie’s Travel', 'margiestravel', 'Miami', 'FL', '33131', ['contoso']),
  us('Proseware', 'proseware', 'San Francisco', 'CA', '94105', ['contoso']),
  // One customer with two partners (multi-partner, SPEC §6): Contoso created it, Fabrikam was invited.
  us('Relecloud', 'relecloud', 'Phoenix', 'AZ', '85004', ['contoso', 'fabrikam'], { reseller: 'northwind', offers: [['CFQ7TTC0LFK5:0001', 60]] }),
  us('School of Fine Art', 'schooloffineart', 'Philadelphia', 'PA', '19103', ['fabrikam'], { reseller: 'northwind' }),
  us('Southridge Video', 'southridgevideo', 'Los Angeles', 'CA', '90012', ['fabrikam'], { reseller: 'northwind', offers: [['CFQ7TTC0LH18:0001', 40]] }),
  us('Trey Research', 'treyresearch', 'Raleigh', 'NC', '27601', ['fabrikam'], { reseller: 'northwind' }),
  us('VanArsdel', 'vanarsdel', 'Minneapolis', 'MN', '55401', ['fabrikam'], { reseller: 'northwind' }),
  { company: 'Wide World Importers', prefix: 'wideworldimporters', country: 'CA', city: 'Toronto', state: 'ON', postal: 'M5H 2N2', phone: '+1 416 555 0199', culture: 'en-CA', partners: ['fabrikam'], reseller: 'northwind', offers: [['CFQ7TTC0LCHC:0002', 30]] },
  { company: 'Woodgrove Bank Canada', prefix: 'woodgrovebankca', country: 'CA', city: 'Montréal', state: 'QC', postal: 'H3B 1A7', phone: '+1 514 555 0142', culture: 'fr-CA', partners: ['fabrikam'], reseller: 'northwind' },
  { company: 'Adventure Works Cycles', prefix: 'adventureworksuk', country: 'GB', city: 'London', state: null, postal: 'SW1A 1AA', phone: '+44 20 7946 0958', culture: 'en-GB', partners: ['fabrikam'], reseller: 'tailspin', offers: [['CFQ7TTC0LF8Q:0001', 90]] },
  { company: 'Contoso Pharmaceuticals', prefix: 'contosopharmauk', country: 'GB', city: 'Cambridge', state: null, postal: 'CB2 1TN', phone: '+44 1223 496000', culture: 'en-GB', partners: ['fabrikam'], reseller: 'tailspin' },
  { company: 'Litware Brasil', prefix: 'litwarebrasil', country: 'BR', city: 'São Paulo', state: 'SP', postal: '01310-100', phone: '+55 11 3456 7890', registration: '11222333000181', culture: 'pt-BR', partners: ['fabrikam'], reseller: 'tailspin' },
  { company: 'Nod Publishers', prefix: 'nodpublishers', country: 'IN', city: 'Bengaluru', state: 'KA', postal: '560001', phone: '+91 80 4567 8901', registration: '29ABCDE1234F1ZW', culture: 'en-IN', partners: ['fabrikam'], reseller: 'tailspin', offers: [['CFQ7TTC0LH18:0001', 50]] },
  { company: 'Tailwind Traders India', prefix: 'tailwindtradersin', country: 'IN', city: 'Mumbai', state: 'MH', postal: '400001', phone: '+91 22 6543 2100', registration: '27AAACT1234A1Z1', culture: 'en-IN', partners: ['fabrikam'], reseller: 'tailspin' },
  { company: '台灣咖啡股份有限公司', prefix: 'twcoffee', country: 'TW', city: '台北市', state: null, postal: '110', phone: '+886 2 2345 6789', culture: 'zh-TW', partners: ['fabrikam'], reseller: 'tailspin', offers: [['CFQ7TTC0LDPB:0001', 20]] },
  { company: 'Northern Star Semiconductors', prefix: 'northernstarsemi', country: 'TW', city: 'Hsinchu', state: null, postal: '300', phone: '+886 3 578 1234', culture: 'zh-TW', partners: ['fabrikam'], reseller: 'tailspin' },
  us('Datum Corporation', 'datumcorp', 'Denver', 'CO', '80203', ['fabrikam'], { reseller: 'northwind' }),
  us('Blue Yonder Airlines', 'blueyonderairlines', 'Dallas', 'TX', '75201', ['fabrikam'], { reseller: 'northwind', offers: [['CFQ7TTC0LFLZ:0001', 300]] }),
  us('Munson’s Pickles and Preserves', 'munsonspickles', 'Madison', 'WI', '53703', ['fabrikam'], { reseller: 'northwind' }),
  // Existing tenants that Contoso and Fabrikam do not have (SPEC §6): request a relationship, and accept
  // it as the tenant's admin. Two have another partner, one has none.
  us('Tailwind Traders', 'tailwindtraders', 'Seattle', 'WA', '98104', ['woodgrove'], { tenantAdmin: true, offers: [['CFQ7TTC0LF8Q:0001', 35]] }),
  us('Liberty’s Delightful Bakery', 'libertysbakery', 'Savannah', 'GA', '31401', ['woodgrove'], { tenantAdmin: true }),
  us('Lakeshore Retail', 'lakeshoreretail', 'Cleveland', 'OH', '44114', [], { tenantAdmin: true }),
  us('Department of Parks (demo)', 'parksdemo', 'Washington', 'DC', '20001', ['adatum'], { offers: [['GOV-M365-G3:0001', 150]] }),
  us('County Records Office', 'countyrecords', 'Arlington', 'VA', '22201', ['adatum'], { offers: [['GOV-O365-G1:0001', 60]] }),
  us('State Transit Authority', 'statetransit', 'Sacramento', 'CA', '95814', ['adatum']),
  us('Federal Grants Agency (demo)', 'fedgrantsdemo', 'Bethesda', 'MD', '20814', ['adatum'], { offers: [['GOV-M365-G5:0001', 40]] }),
];

export interface SeedResult { seeded: boolean; partners: number; users: number; customers: number; offers: number }

/**
 * The demo data of SPEC/issue 2. One transaction, claimed by a settings row, so that a second run
 * (or two processes starting at once) never duplicates it.
 */
export async function seedDemo(db: Db, deps: { ids: IdGenerator; hasher: PasswordHasher }): Promise<SeedResult> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('settings')
      .values({ key: SEEDED_KEY, value: new Date().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) return { seeded: false, partners: 0, users: 0, customers: 0, offers: 0 };

    // Every demo user has the same published password: one hash of it at today's cost, not one each.
    const operator = createOperatorService({ db: trx, ids: deps.ids, hasher: hashingOncePerPassword(deps.hasher) });
    const partnerIds = new Map<PartnerRef, string>();
    let users = 0;
    for (const partner of demoPartners) {
      const created = await operator.createPartner({
        name: partner.name,
        kind: partner.kind,
        instance: partner.instance,
        mpnId: partner.mpnId,
        markets: partner.markets,
        emailDomains: partner.emailDomains,
        usgovValidated: 'usgovValidated' in partner ? partner.usgovValidated : false,
      });
      partnerIds.set(partner.ref, created.id);
      for (const user of partner.users) {
        await operator.createUser({ partner: created.id, email: user.email, displayName: user.displayName, roles: user.roles, password: DEMO_PASSWORD });
        users++;
      }
    }
    const fabrikam = partnerIds.get('fabrikam')!;
    await operator.setPartnership(fabrikam, partnerIds.get('northwind')!, 'active');
    await operator.setPartnership(fabrikam, partnerIds.get('tailspin')!, 'active');
    await operator.setPartnership(fabrikam, partnerIds.get('wingtip')!, 'inactive');

    const catalog = JSON.parse(fs.readFileSync(catalogFile, 'utf8')) as { offers: unknown[] };
    const { created: offers } = await operator.importCatalog(catalog);

    const templates = {
      mca: await operator.addAgreementTemplate({ instance: 'public', type: 'MicrosoftCloudAgreement', link: 'https://aka.ms/microsoftcloudagreement', versionRank: 1 }),
      mcaCustomer1: await operator.addAgreementTemplate({ instance: 'public', type: 'MicrosoftCustomerAgreement', link: 'https://aka.ms/customeragreement-2019', versionRank: 1 }),
      mcaCustomer2: await operator.addAgreementTemplate({ instance: 'public', type: 'MicrosoftCustomerAgreement', link: 'https://aka.ms/customeragreement', versionRank: 2 }),
    };

    for (const [index, customer] of demoCustomers.entries()) {
      await insertDemoCustomer(trx, deps.ids, customer, index, partnerIds, templates.mcaCustomer2.id);
    }
    return { seeded: true, partners: demoPartners.length, users, customers: demoCustomers.length, offers };
  });
}

async function insertDemoCustomer(
  trx: Executor,
  ids: IdGenerator,
  customer: DemoCustomer,
  index: number,
  partnerIds: Map<PartnerRef, string>,
  agreementTemplateId: string,
) {
  // A tenant without a partner (one of the existing tenants) is in the public cloud.
  const creator = customer.partners[0] ? partnerIds.get(customer.partners[0])! : null;
  const instance = creator ? (await trx.selectFrom('partner_organizations').select(['instance_id']).where('id', '=', creator).executeTakeFirstOrThrow()).instance_id : 'public';
  const suffix = (await trx.selectFrom('cloud_instances').select('domain_suffix').where('id', '=', instance).executeTakeFirstOrThrow()).domain_suffix;
  const id = ids.uuid();
  const domain = `${customer.prefix}.${suffix}`;
  // Customers were added over the past months; spread their dates so the list has history.
  const createdAt = new Date(Date.now() - (demoCustomers.length - index) * 3 * 86_400_000);
  const [firstName, lastName] = index % 2 === 0 ? ['Dana', 'Whitfield'] : ['Jordan', 'Okafor'];
  await trx
    .insertInto('customers')
    .values({
      id,
      instance_id: instance,
      commerce_id: ids.uuid(),
      company_name: customer.company,
      domain,
      organization_registration_number: customer.registration ?? null,
      email: `it@${customer.prefix}.example`,
      culture: customer.culture,
      language: customer.culture.split('-')[0]!,
      billing_company_name: customer.company,
      first_name: firstName,
      last_name: lastName,
      address_line1: `${100 + index} Main Street`,
      address_line2: null,
      city: customer.city,
      state: customer.state,
      postal_code: customer.postal,
      country: customer.country,
      phone_number: customer.phone,
      // The admin's temporary password was never shown to anyone (a random secret, hashed), but for the
      // existing tenants, whose admins the demo signs in as.
      admin_password_hash: `sha256$${sha256(customer.tenantAdmin ? DEMO_TENANT_PASSWORD : randomSecret(''))}`,
      created_by_partner_id: creator,
      created_at: createdAt,
    })
    .execute();
  await trx.insertInto('domain_registry').values({ instance_id: instance, domain, customer_id: id }).execute();

  for (const [position, ref] of customer.partners.entries()) {
    const partnerId = partnerIds.get(ref)!;
    const isProvider = ref === 'fabrikam';
    await trx
      .insertInto('customer_relationships')
      .values({
        customer_id: id,
        partner_id: partnerId,
        origin: position === 0 ? 'created' : 'invited',
        indirect_reseller_id: isProvider && customer.reseller ? partnerIds.get(customer.reseller)! : null,
        indirect_provider_id: null,
        created_at: createdAt,
      })
      .execute();
    if (isProvider && customer.reseller) {
      await trx
        .insertInto('customer_relationships')
        .values({ customer_id: id, partner_id: partnerIds.get(customer.reseller)!, origin: 'associated', indirect_reseller_id: null, indirect_provider_id: partnerId, created_at: createdAt })
        .execute();
    }
  }

  if (!creator) return;
  if (instance === 'public') {
    await trx
      .insertInto('agreement_confirmations')
      .values({
        id: ids.uuid(),
        customer_id: id,
        template_id: agreementTemplateId,
        agreement_type: 'MicrosoftCustomerAgreement',
        signer_first_name: firstName,
        signer_last_name: lastName,
        signer_email: `it@${customer.prefix}.example`,
        signer_phone: customer.phone,
        date_agreed: createdAt,
        partner_id: creator,
        confirmed_by_user_id: null,
      })
      .execute();
  } else {
    // A US Government customer is recorded as eligible (SPEC §8): its orders need it.
    await trx
      .insertInto('customer_eligibility_validations')
      .values({ id: ids.uuid(), customer_id: id, partner_id: creator, validation_type: 'GovernmentEntity', details: `${customer.company}: a public agency (demo data).`, validated_by_user_id: null })
      .execute();
  }

  if (customer.offers?.length) {
    const orderId = ids.uuid();
    const currency = (
      await trx.selectFrom('offer_markets').select('currency').where('offer_id', '=', customer.offers[0]![0]).where('country', '=', customer.country).executeTakeFirstOrThrow()
    ).currency;
    await trx.insertInto('orders').values({ id: orderId, customer_id: id, partner_id: creator, billing_cycle: 'monthly', status: 'completed', currency, created_at: createdAt }).execute();
    for (const [line, [offerId, quantity]] of customer.offers.entries()) {
      const offer = await trx.selectFrom('offers').select(['name', 'unit_type', 'term']).where('id', '=', offerId).executeTakeFirstOrThrow();
      const subscriptionId = ids.uuid();
      await trx
        .insertInto('subscriptions')
        .values({
          id: subscriptionId,
          customer_id: id,
          partner_id: creator,
          order_id: orderId,
          offer_id: offerId,
          friendly_name: offer.name,
          quantity,
          unit_type: offer.unit_type,
          status: 'active',
          billing_cycle: 'monthly',
          term: offer.term,
          partner_id_on_record: null,
          indirect_reseller_id: customer.reseller ? partnerIds.get(customer.reseller)! : null,
          effective_start_date: createdAt,
          commitment_end_date: new Date(createdAt.getTime() + 365 * 86_400_000),
          created_at: createdAt,
        })
        .execute();
      await trx.insertInto('order_line_items').values({ order_id: orderId, line_item_number: line, offer_id: offerId, quantity, friendly_name: offer.name, partner_id_on_record: null, subscription_id: subscriptionId, term_duration: offer.term }).execute();
    }
  }
}

/** The existing tenants' admins (user principal names), with the partners they have. */
export const demoTenantSignIns = demoCustomers
  .filter((customer) => customer.tenantAdmin)
  .map((customer) => ({
    userPrincipalName: `admin@${customer.prefix}.onmicrosoft.com`,
    company: customer.company,
    partners: customer.partners.map((ref) => demoPartners.find((partner) => partner.ref === ref)!.name),
  }));

export const demoSignIns = demoPartners.flatMap((partner) => partner.users.map((user) => ({ partner: partner.name, email: user.email, roles: user.roles })));

/** Whether the demo data was added to this database. */
export async function hasDemoData(db: Executor): Promise<boolean> {
  return (await db.selectFrom('settings').select('key').where('key', '=', SEEDED_KEY).executeTakeFirst()) !== undefined;
}

/** True when the database holds no partner yet: the first start of an empty database. */
export async function isEmptyDatabase(db: Executor): Promise<boolean> {
  const row = await sql<{ n: string }>`select count(*) as n from partner_organizations`.execute(db);
  return Number(row.rows[0]?.n ?? 0) === 0;
}
