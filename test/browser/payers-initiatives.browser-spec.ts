/**
 * Issue 18 beside the simulator, in a real browser against the product with demo data: the director of the CCAS de
 * Valmont reads the tornado of 2024 (which assumption weighs most, its screen one click away), drills the funders'
 * ledger down to one payer by service with its explanation, then declares an agents' initiative and finds it counted
 * on the dashboard. Screenshots go to test-artifacts/screenshots/.
 */
import { baseUrl, browserForFile, login, newContext, screenshot } from './browser';

const NBSP = /[\u202f\u00a0]/g;
const YEAR = 'orgUnit=VALMONT&from=2024-01&to=2024-12';

const browser = browserForFile();
const base = baseUrl;

describe('who pays, which assumption, agents’ initiatives', () => {
  it('the director reads the tornado, opens its widest assumption, drills the ledger down to a payer and declares an initiative', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await login(page, base(), 'directeur@valmont.demo');
    await page.goto(`${base()}/#/?${YEAR}`);

    // the tornado: the assumption in words with its own values, a link to its screen, a sentence for the widest ranges
    const tornado = page.getByTestId('tornado');
    await tornado.getByRole('heading', { name: 'Quelle hypothèse pèse le plus ?' }).waitFor();
    await tornado.getByRole('img', { name: /Graphique en tornade/ }).waitFor();
    await screenshot(page, 'tornado-valmont-2024');
    await tornado.getByRole('tab', { name: 'Tableau' }).click();
    const first = ((await tornado.getByRole('row').nth(1).textContent()) ?? '').replace(NBSP, ' ');
    expect(first).toMatch(/^Coût unitaire « .+ » : montantde \d[\d ]*,\d{2} € à \d[\d ]*,\d{2} €/);
    expect(((await page.getByTestId('tornado-narrowing').textContent()) ?? '').replace(NBSP, ' ')).toMatch(/resserrerait cette fourchette\./);
    await tornado
      .getByRole('link', { name: /^Modifier l’hypothèse « Coût unitaire/ })
      .first()
      .click();
    await page.waitForURL(/#\/unit-costs\/[0-9a-f-]{36}$/);
    await page.goBack();

    // the ledger by service for one payer, with its line explained; a negative net said as such
    const drilldown = page.getByTestId('ledger-drilldown');
    await drilldown.getByRole('combobox', { name: 'Payeur' }).click();
    await page.getByRole('option', { name: 'Commune / CCAS' }).click();
    const explanation = page.getByTestId('ledger-explanation');
    await explanation.getByText(/^Commune \/ CCAS : /).waitFor();
    expect(((await explanation.textContent()) ?? '').replace(NBSP, ' ')).toMatch(/Ce payeur paie plus qu’il n’économise sur ce périmètre\./);
    expect(await drilldown.getByRole('row').count()).toBeGreaterThan(1);
    await screenshot(page, 'ledger-drilldown-commune');

    // an agents' initiative, declared in the register, then counted on the dashboard (status in words, euros summed by the
    // API) on top of those the demo already holds (demo-initiatives.ts)
    const card = page.getByTestId('initiatives');
    const caption = card.locator('caption');
    await caption.waitFor();
    const countBefore = Number(/^(\d+) initiatives?$/.exec(((await caption.textContent()) ?? '').trim())?.[1]);
    expect(countBefore).toBeGreaterThanOrEqual(5);
    const euros = async (): Promise<number> =>
      Math.round(
        Number(
          ((await page.getByTestId('initiatives-euros').textContent()) ?? '')
            .replace(NBSP, '')
            .replace(/[^\d,]/g, '')
            .replace(',', '.'),
        ) * 100,
      );
    const eurosBefore = await euros();
    await page.goto(`${base()}/#/initiatives/create`);
    await page.getByLabel('Titre').fill('Tournée de portage partagée avec la bibliothèque');
    await page.getByRole('combobox', { name: 'Unité' }).click();
    await page.getByRole('option', { name: 'Antenne Valmont Nord' }).click();
    await page.getByLabel('Équipe').fill('Équipe du portage, antenne nord');
    await page.getByRole('combobox', { name: 'Service' }).click();
    await page.getByRole('option', { name: 'Portage de repas à domicile' }).click();
    await page.getByLabel('Début').fill('2024-03-01');
    await page.getByRole('combobox', { name: 'Statut' }).click();
    await page.getByRole('option', { name: 'En test' }).click();
    await page.getByLabel('Heures mobilisées').fill('12,5');
    await page.getByLabel('Euros mobilisés').fill('350,10');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('En test').first().waitFor();
    await page.goto(`${base()}/#/?${YEAR}`);
    await card.getByText(`${countBefore + 1} initiatives`).waitFor();
    expect(((await page.getByTestId('initiatives-euros').textContent()) ?? '').replace(NBSP, ' ')).toMatch(/^Euros mobilisés\d[\d ]*,\d{2} €$/);
    expect((await euros()) - eurosBefore).toBe(35010);
    await screenshot(page, 'initiatives-card');
    await context.close();
  });
});
