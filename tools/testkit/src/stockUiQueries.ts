/**
 * The stock UI's `FindScenes` list query with a SlimSceneData-like fragment (stash-api.md §6), with
 * `__typename` on every object because Apollo's cache needs it. As in the stock UI, gallery `files`
 * and `folder` select no `id`: stashkit keeps them as embedded values of the gallery (not records).
 */
export const SLIM_SCENE_FRAGMENT = /* GraphQL */ `
  fragment SlimSceneData on Scene {
    __typename
    id
    title
    code
    details
    director
    urls
    date
    rating100
    o_counter
    organized
    interactive
    interactive_speed
    resume_time
    play_duration
    play_count
    files {
      __typename
      id
      path
      size
      mod_time
      duration
      video_codec
      audio_codec
      width
      height
      frame_rate
      bit_rate
      fingerprints {
        __typename
        type
        value
      }
    }
    paths {
      __typename
      screenshot
      preview
      stream
      webp
      vtt
      sprite
      funscript
      interactive_heatmap
      caption
    }
    scene_markers {
      __typename
      id
      title
      seconds
      primary_tag {
        __typename
        id
        name
      }
    }
    galleries {
      __typename
      id
      files {
        __typename
        path
      }
      folder {
        __typename
        path
      }
      title
    }
    studio {
      __typename
      id
      name
      image_path
    }
    groups {
      __typename
      group {
        __typename
        id
        name
        front_image_path
      }
      scene_index
    }
    tags {
      __typename
      id
      name
    }
    performers {
      __typename
      id
      name
      disambiguation
      gender
      favorite
      image_path
    }
    stash_ids {
      __typename
      endpoint
      stash_id
      updated_at
    }
  }
`;

export const FIND_SCENES_QUERY = /* GraphQL */ `
  query FindScenes($filter: FindFilterType, $scene_filter: SceneFilterType) {
    findScenes(filter: $filter, scene_filter: $scene_filter) {
      __typename
      count
      filesize
      duration
      scenes {
        ...SlimSceneData
      }
    }
  }
  ${SLIM_SCENE_FRAGMENT}
`;

/** The fields a scene's performer carries in SlimSceneData (used to write an updated performer). */
export const SLIM_PERFORMER_FRAGMENT = /* GraphQL */ `
  fragment SlimScenePerformer on Performer {
    __typename
    id
    name
    disambiguation
    gender
    favorite
    image_path
  }
`;
