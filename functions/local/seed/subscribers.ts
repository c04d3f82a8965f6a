import { disciplines } from '#shared/organisation.ts';
import type { AlertPreferences } from '#shared/alerts.ts';
import type { Wiring } from '#functions/wiring.ts';

const firstNames = ['Bram', 'Iris', 'Daan', 'Sanne', 'Milan', 'Yara', 'Luuk', 'Noa', 'Sem', 'Fenna', 'Jesse', 'Lina'];
const lastNames = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Jong', 'Mulder'];

/** How many demo freelancers follow the marketplace: enough that publishing a demo challenge sends a few dozen alerts. */
const SUBSCRIBERS = 96;

/** Demo subscriber `n`: three disciplines (every eighth none: anything), a language, and most hear at once, some weekly. */
function demoSubscriber(n: number): { email: string; name: string; preferences: AlertPreferences } {
  const name = `${firstNames[n % firstNames.length]} ${lastNames[Math.floor(n / firstNames.length) % lastNames.length]}`;
  return {
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${n}@freelance.example`,
    name,
    preferences: {
      disciplines: n % 8 === 7 ? [] : [disciplines[n % 16]!, disciplines[(n + 5) % 16]!, disciplines[(n + 9) % 16]!],
      sectors: [],
      types: n % 6 === 5 ? ['commission'] : [],
      funding: [],
      minBudgetCents: n % 5 === 4 ? 2_500_000 : null,
      municipalities: n % 7 === 6 ? ['GM0363', 'GM0362'] : [],
      language: n % 3 === 2 ? 'en' : 'nl',
      frequency: n % 4 === 1 ? 'weekly' : 'immediately',
    },
  };
}

/**
 * The demo's freelancers with alert preferences, saved through the alert store as the account page
 * saves them. Seeded after the demo challenges, so the seed itself alerts nobody: publishing the
 * submitted demo challenge as staff is what sends them their alerts (visible in the local inbox).
 */
export async function seedDemoSubscribers(wired: Wiring) {
  for (let n = 0; n < SUBSCRIBERS; n++) {
    const { email, name, preferences } = demoSubscriber(n);
    const account = (await wired.accounts.findAccount(email)) ?? (await wired.accounts.createAccount(email, preferences.language));
    await wired.accounts.changeProfile(account.userId, { name });
    if (await wired.alertPorts.alerts.preferences(account.userId)) continue;
    await wired.alertPorts.alerts.save({ userId: account.userId, email }, preferences, 0, new Date().toISOString());
  }
}
