/**
 * Framework container images for SageMaker: which ECR account serves each
 * repository in each AWS region, and which versions / processors / Python
 * versions exist. Facts only; the resolver lives in ./images.ts.
 *
 * Source: repository aws/sagemaker-python-sdk, the SDK's image URI config.
 *   sklearn  <- sagemaker-core/src/sagemaker/core/image_uri_config/sklearn.json
 *               @ 5e2ee19b0ce0cf72c4023775e5a703e6ba389a86
 *   xgboost  <- sagemaker-core/src/sagemaker/core/image_uri_config/xgboost.json
 *               @ 93d72828ba61567a5a8a4814a9361b134db8c99a
 *   pytorch  <- sagemaker-core/src/sagemaker/core/image_uri_config/pytorch.json
 *               @ 67187e67b594b1515d840ae81b076d94ef6bce75
 * Cross-checked against the SDK v2 layout src/sagemaker/image_uri_config/
 * sklearn.json and xgboost.json @ ef7c5a006a09ad382183070ba8bf068d070c122d:
 * same accounts for every region, minus us-isof-east-1 / us-isof-south-1.
 * (The v2 pytorch.json available to us predates PyTorch 2.x, hence the
 * sagemaker-core copy.) URI and tag layout: src/sagemaker/image_uris.py
 * @ 0124acda7476e797a465a5070e330282e57f8728. Hostname DNS suffixes per
 * partition: botocore 1.43.11 data/partitions.json.
 *
 * In the SDK JSON the "training" and "inference" entries of every version
 * below list the same accounts, processors and Python versions, so one entry
 * per version serves both; only the repository differs (pytorch).
 */

export type ImageProcessor = 'cpu' | 'gpu';

/** How the image tag is built from the resolved version/processor/python. */
export type TagFormat =
  /** `<version>-<processor>-<py>`, e.g. `1.2-1-cpu-py3`, `2.1.0-gpu-py310`. */
  | 'version-processor-py'
  /** `<version>` alone, e.g. `1.7-1` (XGBoost 1.x: no processor or py in the tag). */
  | 'version';

export type AccountMapName = 'sagemaker-first-party' | 'dlc' | 'dlc-isof';

export interface ImageVersionFacts {
  /** Other spellings that select this version (pytorch `2.1` for `2.1.0`). */
  readonly aliases: readonly string[];
  /** Processors the SDK lists; empty when the SDK lists none (one image for all). */
  readonly processors: readonly ImageProcessor[];
  /** Python versions the SDK lists; empty when the tag carries none. */
  readonly pyVersions: readonly string[];
  /** Region -> ECR account map, by name (see `accountMaps`). */
  readonly accounts: AccountMapName;
}

export interface FrameworkImageFacts {
  /** ECR repository per image scope. */
  readonly repositories: {
    readonly training: string;
    readonly inference: string;
    /** Processing jobs run the training image, as the SDK's processors do. */
    readonly processing: string;
  };
  readonly tagFormat: TagFormat;
  /** Keyed by the SDK's canonical version string. */
  readonly versions: Readonly<Record<string, ImageVersionFacts>>;
}

/**
 * Accounts of SageMaker's first-party framework images (scikit-learn and
 * XGBoost 1.x); identical for sklearn 0.23-1 / 1.0-1 / 1.2-1 and
 * xgboost 1.3-1 / 1.5-1 / 1.7-1, training and inference.
 */
const SAGEMAKER_FIRST_PARTY_ACCOUNTS: Readonly<Record<string, string>> = {
  'af-south-1': '510948584623',
  'ap-east-1': '651117190479',
  'ap-northeast-1': '354813040037',
  'ap-northeast-2': '366743142698',
  'ap-northeast-3': '867004704886',
  'ap-south-1': '720646828776',
  'ap-south-2': '628508329040',
  'ap-southeast-1': '121021644041',
  'ap-southeast-2': '783357654285',
  'ap-southeast-3': '951798379941',
  'ap-southeast-4': '106583098589',
  'ca-central-1': '341280168497',
  'ca-west-1': '190319476487',
  'cn-north-1': '450853457545',
  'cn-northwest-1': '451049120500',
  'eu-central-1': '492215442770',
  'eu-central-2': '680994064768',
  'eu-north-1': '662702820516',
  'eu-south-1': '978288397137',
  'eu-south-2': '104374241257',
  'eu-west-1': '141502667606',
  'eu-west-2': '764974769150',
  'eu-west-3': '659782779980',
  'il-central-1': '898809789911',
  'me-central-1': '272398656194',
  'me-south-1': '801668240914',
  'sa-east-1': '737474898029',
  'us-east-1': '683313688378',
  'us-east-2': '257758044811',
  'us-gov-east-1': '237065988967',
  'us-gov-west-1': '414596584902',
  'us-iso-east-1': '833128469047',
  'us-isob-east-1': '281123927165',
  'us-isof-east-1': '108575199400',
  'us-isof-south-1': '124985052026',
  'us-west-1': '746614075791',
  'us-west-2': '246618743249',
};

/**
 * Accounts of the AWS Deep Learning Containers (pytorch-training /
 * pytorch-inference) for PyTorch 1.13.1 and 2.0.1, training and inference.
 */
const DLC_ACCOUNTS: Readonly<Record<string, string>> = {
  'af-south-1': '626614931356',
  'ap-east-1': '871362719292',
  'ap-east-2': '975050140332',
  'ap-northeast-1': '763104351884',
  'ap-northeast-2': '763104351884',
  'ap-northeast-3': '364406365360',
  'ap-south-1': '763104351884',
  'ap-south-2': '772153158452',
  'ap-southeast-1': '763104351884',
  'ap-southeast-2': '763104351884',
  'ap-southeast-3': '907027046896',
  'ap-southeast-4': '457447274322',
  'ap-southeast-5': '550225433462',
  'ap-southeast-6': '633930458069',
  'ap-southeast-7': '590183813437',
  'ca-central-1': '763104351884',
  'ca-west-1': '204538143572',
  'cn-north-1': '727897471807',
  'cn-northwest-1': '727897471807',
  'eu-central-1': '763104351884',
  'eu-central-2': '380420809688',
  'eu-north-1': '763104351884',
  'eu-south-1': '692866216735',
  'eu-south-2': '503227376785',
  'eu-west-1': '763104351884',
  'eu-west-2': '763104351884',
  'eu-west-3': '763104351884',
  'il-central-1': '780543022126',
  'me-central-1': '914824155844',
  'me-south-1': '217643126080',
  'mx-central-1': '637423239942',
  'sa-east-1': '763104351884',
  'us-east-1': '763104351884',
  'us-east-2': '763104351884',
  'us-gov-east-1': '446045086412',
  'us-gov-west-1': '442386744353',
  'us-iso-east-1': '886529160074',
  'us-isob-east-1': '094389454867',
  'us-west-1': '763104351884',
  'us-west-2': '763104351884',
};

/** PyTorch 2.1.0 (training and inference): the DLC map plus the two ISO-F regions. */
const DLC_ISOF_ACCOUNTS: Readonly<Record<string, string>> = {
  ...DLC_ACCOUNTS,
  'us-isof-east-1': '303241398832',
  'us-isof-south-1': '454834333376',
};

export const accountMaps: Readonly<Record<AccountMapName, Readonly<Record<string, string>>>> = {
  'sagemaker-first-party': SAGEMAKER_FIRST_PARTY_ACCOUNTS,
  dlc: DLC_ACCOUNTS,
  'dlc-isof': DLC_ISOF_ACCOUNTS,
};

/**
 * DNS suffix of the ECR endpoint (`ecr.<region>.<suffix>`) by region prefix,
 * first match wins; regions matching none use `defaultDnsSuffix`.
 */
export const dnsSuffixByRegionPrefix: readonly (readonly [prefix: string, suffix: string])[] = [
  ['cn-', 'amazonaws.com.cn'],
  ['us-iso-', 'c2s.ic.gov'],
  ['us-isob-', 'sc2s.sgov.gov'],
  ['us-isof-', 'csp.hci.ic.gov'],
];
export const defaultDnsSuffix = 'amazonaws.com';

export const imageTable: Readonly<Record<'sklearn' | 'xgboost' | 'pytorch', FrameworkImageFacts>> = {
  sklearn: {
    repositories: {
      training: 'sagemaker-scikit-learn',
      inference: 'sagemaker-scikit-learn',
      processing: 'sagemaker-scikit-learn',
    },
    tagFormat: 'version-processor-py',
    versions: {
      '0.23-1': { aliases: [], processors: ['cpu'], pyVersions: ['py3'], accounts: 'sagemaker-first-party' },
      '1.0-1': { aliases: [], processors: ['cpu'], pyVersions: ['py3'], accounts: 'sagemaker-first-party' },
      '1.2-1': { aliases: [], processors: ['cpu'], pyVersions: ['py3'], accounts: 'sagemaker-first-party' },
    },
  },
  xgboost: {
    repositories: {
      training: 'sagemaker-xgboost',
      inference: 'sagemaker-xgboost',
      processing: 'sagemaker-xgboost',
    },
    tagFormat: 'version',
    versions: {
      // The SDK lists neither processors nor py_versions for XGBoost 1.x.
      '1.3-1': { aliases: [], processors: [], pyVersions: [], accounts: 'sagemaker-first-party' },
      '1.5-1': { aliases: [], processors: [], pyVersions: [], accounts: 'sagemaker-first-party' },
      '1.7-1': { aliases: [], processors: [], pyVersions: [], accounts: 'sagemaker-first-party' },
    },
  },
  pytorch: {
    repositories: {
      training: 'pytorch-training',
      inference: 'pytorch-inference',
      processing: 'pytorch-training',
    },
    tagFormat: 'version-processor-py',
    versions: {
      '1.13.1': { aliases: ['1.13'], processors: ['cpu', 'gpu'], pyVersions: ['py39'], accounts: 'dlc' },
      '2.0.1': { aliases: ['2.0'], processors: ['cpu', 'gpu'], pyVersions: ['py310'], accounts: 'dlc' },
      '2.1.0': { aliases: ['2.1'], processors: ['cpu', 'gpu'], pyVersions: ['py310'], accounts: 'dlc-isof' },
    },
  },
};
