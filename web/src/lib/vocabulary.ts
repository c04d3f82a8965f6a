import type {
  commissionerTypes,
  disciplines,
  organisationStatuses,
  sectors,
  sizeBands,
  subsectors,
} from '$shared/organisation.ts';
import { mraMunicipalities } from '$shared/organisation.ts';
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
