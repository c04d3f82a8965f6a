import type { commissionerTypes, disciplines, organisationStatuses, sectors, sizeBands, subsectors } from '$shared/organisation.ts';
import { mraMunicipalities } from '$shared/organisation.ts';
import type { challengeStatuses, challengeTypes, fundingInstruments, rightsModels, visibilities, workplaces } from '$shared/challenge.ts';
import type { BidStatus, PartnerStatus } from '$shared/bid.ts';
import { alertFrequencies } from '$shared/alerts.ts';
import { m } from './paraglide/messages.js';

type Of<T extends readonly string[]> = T[number];
type Label = () => string;

/** Human words, in the page's language, for the controlled vocabularies the API speaks in codes. */
const subsectorLabels: Record<Of<typeof subsectors>, Label> = {
  digital_media: m.vocab_subsector_digital_media,
  design: m.vocab_subsector_design,
  fashion: m.vocab_subsector_fashion,
  creative_agency: m.vocab_subsector_creative_agency,
  architecture: m.vocab_subsector_architecture,
  games: m.vocab_subsector_games,
  other: m.vocab_subsector_other,
};

const disciplineLabels: Record<Of<typeof disciplines>, Label> = {
  ux_design: m.vocab_discipline_ux_design,
  service_design: m.vocab_discipline_service_design,
  interaction_design: m.vocab_discipline_interaction_design,
  product_design: m.vocab_discipline_product_design,
  branding: m.vocab_discipline_branding,
  communication_strategy: m.vocab_discipline_communication_strategy,
  film_video: m.vocab_discipline_film_video,
  photography: m.vocab_discipline_photography,
  illustration: m.vocab_discipline_illustration,
  xr_vr: m.vocab_discipline_xr_vr,
  game_design: m.vocab_discipline_game_design,
  data_visualisation: m.vocab_discipline_data_visualisation,
  web_development: m.vocab_discipline_web_development,
  fashion_tech: m.vocab_discipline_fashion_tech,
  spatial_design: m.vocab_discipline_spatial_design,
  sound: m.vocab_discipline_sound,
};

const sectorLabels: Record<Of<typeof sectors>, Label> = {
  health: m.vocab_sector_health,
  energy: m.vocab_sector_energy,
  mobility: m.vocab_sector_mobility,
  logistics: m.vocab_sector_logistics,
  finance: m.vocab_sector_finance,
  government: m.vocab_sector_government,
  education: m.vocab_sector_education,
  retail: m.vocab_sector_retail,
  'agri-food': m.vocab_sector_agri_food,
  water: m.vocab_sector_water,
  culture: m.vocab_sector_culture,
  other: m.vocab_sector_other,
};

const sizeBandLabels: Record<Of<typeof sizeBands>, Label> = {
  '1': m.vocab_size_1,
  '2-9': m.vocab_size_2_9,
  '10-49': m.vocab_size_10_49,
  '50-249': m.vocab_size_50_249,
  '250+': m.vocab_size_250,
};

const commissionerTypeLabels: Record<Of<typeof commissionerTypes>, Label> = {
  corporate: m.vocab_type_corporate,
  public_body: m.vocab_type_public_body,
  knowledge_institution: m.vocab_type_knowledge_institution,
};

const statusLabels: Record<Of<typeof organisationStatuses>, Label> = {
  pending: m.vocab_status_pending,
  verified: m.vocab_status_verified,
  rejected: m.vocab_status_rejected,
  suspended: m.vocab_status_suspended,
};

export const subsectorLabel = (value: Of<typeof subsectors>) => subsectorLabels[value]();
export const disciplineLabel = (value: Of<typeof disciplines>) => disciplineLabels[value]();
export const sectorLabel = (value: Of<typeof sectors>) => sectorLabels[value]();
export const sizeBandLabel = (value: Of<typeof sizeBands>) => sizeBandLabels[value]();
export const commissionerTypeLabel = (value: Of<typeof commissionerTypes>) => commissionerTypeLabels[value]();
export const statusLabel = (value: Of<typeof organisationStatuses>) => statusLabels[value]();
export const municipalityName = (code: string) => mraMunicipalities.find((municipality) => municipality.code === code)?.name ?? code;

const challengeStatusLabels: Record<Of<typeof challengeStatuses>, Label> = {
  draft: m.vocab_challenge_status_draft,
  submitted: m.vocab_challenge_status_submitted,
  published: m.vocab_challenge_status_published,
  closed: m.vocab_challenge_status_closed,
  awarded: m.vocab_challenge_status_awarded,
  no_award: m.vocab_challenge_status_no_award,
  rejected: m.vocab_challenge_status_rejected,
  cancelled: m.vocab_challenge_status_cancelled,
};

const challengeTypeLabels: Record<Of<typeof challengeTypes>, Label> = {
  commission: m.vocab_challenge_type_commission,
  partner_search: m.vocab_challenge_type_partner_search,
};

const fundingLabels: Record<Of<typeof fundingInstruments>, Label> = {
  own_budget: m.vocab_funding_own_budget,
  horizon_europe: m.vocab_funding_horizon_europe,
  clicknl: m.vocab_funding_clicknl,
  mit: m.vocab_funding_mit,
  other: m.vocab_funding_other,
};

const rightsLabels: Record<Of<typeof rightsModels>, Label> = {
  ip_assignment: m.vocab_rights_ip_assignment,
  exclusive_licence: m.vocab_rights_exclusive_licence,
  non_exclusive_licence: m.vocab_rights_non_exclusive_licence,
};

const visibilityLabels: Record<Of<typeof visibilities>, Label> = {
  public: m.vocab_visibility_public,
  verified_firms: m.vocab_visibility_verified_firms,
};

const workplaceLabels: Record<Of<typeof workplaces>, Label> = {
  on_site: m.vocab_workplace_on_site,
  hybrid: m.vocab_workplace_hybrid,
  remote: m.vocab_workplace_remote,
};

export const challengeStatusLabel = (value: Of<typeof challengeStatuses>) => challengeStatusLabels[value]();
export const challengeTypeLabel = (value: Of<typeof challengeTypes>) => challengeTypeLabels[value]();
export const fundingLabel = (value: Of<typeof fundingInstruments>) => fundingLabels[value]();
export const rightsLabel = (value: Of<typeof rightsModels>) => rightsLabels[value]();
export const visibilityLabel = (value: Of<typeof visibilities>) => visibilityLabels[value]();
export const workplaceLabel = (value: Of<typeof workplaces>) => workplaceLabels[value]();

const bidStatusLabels: Record<BidStatus, Label> = {
  draft: m.bid_status_draft,
  submitted: m.bid_status_submitted,
  withdrawn: m.bid_status_withdrawn,
  shortlisted: m.bid_status_shortlisted,
  awarded: m.bid_status_awarded,
  not_selected: m.bid_status_not_selected,
};

const partnerStatusLabels: Record<PartnerStatus, Label> = {
  invited: m.bid_partner_status_invited,
  confirmed: m.bid_partner_status_confirmed,
  declined: m.bid_partner_status_declined,
};

export const bidStatusLabel = (value: BidStatus) => bidStatusLabels[value]();
export const partnerStatusLabel = (value: PartnerStatus) => partnerStatusLabels[value]();

const alertFrequencyWords: Record<Of<typeof alertFrequencies>, [Label, Label]> = {
  immediately: [m.account_alerts_frequency_immediately, m.account_alerts_frequency_immediately_text],
  weekly: [m.account_alerts_frequency_weekly, m.account_alerts_frequency_weekly_text],
  off: [m.account_alerts_frequency_off, m.account_alerts_frequency_off_text],
};

/** How often alerts come, as radio choices with a line saying what each sends (account page, unsubscribe page). */
export const alertFrequencyOptions = () => alertFrequencies.map((value) => ({ value, label: alertFrequencyWords[value][0](), text: alertFrequencyWords[value][1]() }));
