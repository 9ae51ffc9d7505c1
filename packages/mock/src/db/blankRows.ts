/**
 * The row a create starts from before its input is applied: every column empty, as a new Stash
 * row is. Shared by the create mutations and by test fixtures, so both agree on the defaults.
 */
import type { GalleryRow, PerformerRow, SceneRow } from './rows';

export function blankScene(now: string): Omit<SceneRow, 'id'> {
  return {
    title: null,
    code: null,
    details: null,
    director: null,
    urls: [],
    date: null,
    rating100: null,
    organized: false,
    interactive: false,
    interactive_speed: null,
    captions: null,
    resume_time: null,
    play_duration: null,
    play_history: [],
    o_history: [],
    file_ids: [],
    studio_id: null,
    tag_ids: [],
    performer_ids: [],
    gallery_ids: [],
    groups: [],
    stash_ids: [],
    created_at: now,
    updated_at: now,
  };
}

export function blankPerformer(now: string): Omit<PerformerRow, 'id'> {
  return {
    name: '',
    disambiguation: null,
    urls: [],
    gender: null,
    birthdate: null,
    death_date: null,
    ethnicity: null,
    country: null,
    eye_color: null,
    hair_color: null,
    measurements: null,
    fake_tits: null,
    career_length: null,
    tattoos: null,
    piercings: null,
    details: null,
    height_cm: null,
    weight: null,
    penis_length: null,
    circumcised: null,
    alias_list: [],
    favorite: false,
    ignore_auto_tag: false,
    rating100: null,
    custom_fields: {},
    tag_ids: [],
    stash_ids: [],
    has_image: false,
    created_at: now,
    updated_at: now,
  };
}

export function blankGallery(now: string): Omit<GalleryRow, 'id'> {
  return {
    title: null,
    code: null,
    urls: [],
    date: null,
    details: null,
    photographer: null,
    rating100: null,
    organized: false,
    studio_id: null,
    tag_ids: [],
    performer_ids: [],
    image_ids: [],
    cover_image_id: null,
    file_ids: [],
    folder_id: null,
    created_at: now,
    updated_at: now,
  };
}
